#!/usr/bin/env bash
# `make test-deep`: the slow reliability layers that `make test` leaves out, each against the installed extension
# and its own throwaway clusters: libFuzzer over the core's decoders (test/fuzz, 60 s a target), a reduced
# pg_regress schedule under valgrind (test/valgrind), the TAP fault tests (test/tap: immediate stops during fills,
# out of memory, memory growth) and cancel latency on every long entry point (test/cancel). Installs what is
# missing (scripts/install-deps.sh deep), builds and installs synthgen first, and ends with "N passed, N failed"
# (one per layer).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh deep || exit 1
make -s >/dev/null || { echo "build failed"; exit 1; }
make -s install >/dev/null || { echo "make install failed (run as root, or as a user who may write to $(pg_config --pkglibdir))"; exit 1; }

passed=0
failed=0
layer() {
  local name=$1 started=$SECONDS
  shift
  echo "== $name: $*"
  if "$@"; then
    passed=$((passed + 1)); echo "== $name: passed in $((SECONDS - started)) s"
  else
    failed=$((failed + 1)); echo "== $name: FAILED after $((SECONDS - started)) s"
  fi
}

layer "libFuzzer" test/fuzz/run.sh "${SYNTHGEN_FUZZ_SECONDS:-60}"
layer "valgrind" test/valgrind/run.sh
layer "TAP faults" test/tap/run.sh
layer "cancel latency" test/cancel/latency.sh

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
