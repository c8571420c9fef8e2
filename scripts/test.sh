#!/usr/bin/env bash
# `make test`: installs what is missing, builds and installs synthgen, runs the core's GoogleTest suite (ctest),
# the pg_regress suite against a temporary cluster and the scale-out test against it and two more, fails if any
# backend died by a signal, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh || exit 1
make -s >/dev/null || { echo "build failed"; exit 1; }
make -s install >/dev/null || { echo "make install failed (run as root, or as a user who may write to $(pg_config --pkglibdir))"; exit 1; }

passed=0
failed=0

# 0. The extension scripts follow PostgreSQL's security rules for extension scripts (test/lint), and the lint
# catches each rule's violation in test/lint/violations.
if perl test/lint/extension_scripts.pl $(ls src/sql/synthgen--*.sql | sort -V); then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
lint_report=$(perl test/lint/extension_scripts.pl test/lint/violations/*.sql)  # exits 1, as it should
if grep -qx "extension scripts: 6 violation(s)" <<<"$lint_report"; then
  passed=$((passed + 1))
else
  echo "the lint missed a violation in test/lint/violations"; failed=$((failed + 1))
fi

# 1. GoogleTest, through ctest: the core as built for the extension, then the same suite built with AddressSanitizer
# and UndefinedBehaviorSanitizer (build-sanitize/; a finding fails its test).
run_ctest() {
  local tree=$1 label=$2 log summary total bad
  log=$(mktemp)
  (cmake --build "$tree" --target synthgen_core_tests -j2 && cd "$tree" && ctest --output-on-failure -j2) >"$log" 2>&1
  summary=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log")
  if [ -z "$summary" ]; then
    cat "$log"; echo "$label: ctest did not run"; failed=$((failed + 1))
  else
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")
    bad=$(sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/' <<<"$summary")
    [ "$bad" -gt 0 ] && cat "$log"
    echo "$label: $summary"
    passed=$((passed + total - bad)); failed=$((failed + bad))
  fi
  rm -f "$log"
}
run_ctest build "GoogleTest"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNTHGEN_SANITIZE=ON >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
run_ctest build-sanitize "GoogleTest (ASan+UBSan)"

# Adds a suite's "All N tests passed" / "K of N tests failed" (pg_regress and pg_isolation_regress print the same)
# to the totals, showing the diffs of a failure.
count_regress() {
  local log=$1 diffs=$2 label=$3 total counts bad
  total=$(grep -oE "All [0-9]+ tests passed" "$log" | grep -oE "[0-9]+")
  if [ -n "$total" ]; then
    passed=$((passed + total))
  else
    counts=$(grep -oE "[0-9]+ of [0-9]+ tests failed" "$log" | head -1)
    if [ -n "$counts" ]; then
      bad=$(cut -d' ' -f1 <<<"$counts"); total=$(cut -d' ' -f3 <<<"$counts")
      passed=$((passed + total - bad)); failed=$((failed + bad))
      [ -f "$diffs" ] && cat "$diffs"
    else
      echo "$label did not run"; failed=$((failed + 1))
    fi
  fi
}

# 2. pg_regress against a temporary cluster, then the isolation specs (concurrent sessions) against it.
cluster=$(mktemp -d /tmp/synthgen-test.XXXXXX)
port=${SYNTHGEN_TEST_PORT:-54329}
trap 'scripts/cluster.sh stop "$cluster"; rm -rf "$cluster"' EXIT
scripts/cluster.sh start "$cluster" "$port" || exit 1
regress_log=$(mktemp)
make -s installcheck ISOLATION= PGHOST="$cluster" PGPORT="$port" PGUSER=postgres >"$regress_log" 2>&1
cat "$regress_log"
count_regress "$regress_log" regression.diffs pg_regress
make -s installcheck REGRESS= PGHOST="$cluster" PGPORT="$port" PGUSER=postgres >"$regress_log" 2>&1
cat "$regress_log"
count_regress "$regress_log" output_iso/regression.diffs pg_isolation_regress
rm -f "$regress_log"

# 3. The hostile-input matrix (test/hostile): at least 200 hostile calls of every function, each succeeding or
# failing with a documented SQLSTATE; crashes show in step 5.
psql -X -q -h "$cluster" -p "$port" -U postgres -d postgres -c "CREATE DATABASE hostile" || exit 1
matrix_log=$(mktemp)
psql -X -e -v VERBOSITY=sqlstate -h "$cluster" -p "$port" -U postgres -d hostile -f test/hostile/matrix.sql >"$matrix_log" 2>&1
if perl test/hostile/check.pl "$matrix_log"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
rm -f "$matrix_log"

# 3b. sqlsmith (test/sqlsmith): 10,000 random queries against synthgen's functions, probes, views and sample
# worlds as a non-superuser role; fails on a lost connection, a crash or an internal error inside synthgen.
if test/sqlsmith/run.sh "$cluster" "$port"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

# 3c. Out of memory (test/tap, PostgreSQL's TAP modules): under `ulimit -v`, calls that exhaust memory end in
# 53200 and the server stays up. The other TAP fault tests are slower and run in `make test-deep`.
if test/tap/run.sh t/002_out_of_memory.pl; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

# 3d. The same rows whatever the processor (test/tap): every generator's rows on a cluster whose glibc takes
# its SSE2 exp and log instead of the FMA/AVX2 ones equal those of a usual cluster.
if test/tap/run.sh t/004_cpu_paths.pl; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

# 4. Scale-out: two more clusters on 127.0.0.1, each with a database "world" holding synthgen; the test
# cluster coordinates (pg_regress test scale_out, run on its own: it needs these servers).
shards=()
for n in 1 2; do
  shard=$(mktemp -d /tmp/synthgen-shard.XXXXXX)
  shards+=("$shard")
  shard_port=$((port + n))
  export "SYNTHGEN_SHARD${n}_PORT=$shard_port"
  SYNTHGEN_PG_OPTIONS="-c fsync=off -c listen_addresses=127.0.0.1" scripts/cluster.sh start "$shard" "$shard_port" || exit 1
  psql -X -q -h 127.0.0.1 -p "$shard_port" -U postgres -d postgres -c "CREATE DATABASE world" || exit 1
  psql -X -q -h 127.0.0.1 -p "$shard_port" -U postgres -d world -c "CREATE EXTENSION synthgen" || exit 1
done
trap 'for s in "$cluster" "${shards[@]}"; do scripts/cluster.sh stop "$s"; rm -rf "$s"; done' EXIT
regress_log=$(mktemp)
make -s installcheck REGRESS=scale_out ISOLATION= PGHOST="$cluster" PGPORT="$port" PGUSER=postgres >"$regress_log" 2>&1
cat "$regress_log"
if grep -qE "All 1 tests passed" "$regress_log"; then
  passed=$((passed + 1))
else
  [ -f regression.diffs ] && cat regression.diffs
  failed=$((failed + 1))
fi
rm -f "$regress_log"

# 5. No backend may have died, on any of the clusters.
for s in "$cluster" "${shards[@]}"; do
  if scripts/cluster.sh crashes "$s"; then
    passed=$((passed + 1))
  else
    echo "the server log of $s shows a backend terminated by a signal"; failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
