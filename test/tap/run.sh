#!/usr/bin/env bash
# The TAP fault tests (test/tap/t/*.pl), with PostgreSQL's own Perl test modules (PostgreSQL::Test::Cluster):
# immediate stops during large fills, out of memory under `ulimit -v`, memory growth over 20,000 calls in one
# session, and the same rows on glibc's SSE2 code paths as on its FMA/AVX2 ones. Each test starts its own throwaway clusters (TAP picks their ports) from the installed
# PostgreSQL 15 and synthgen. initdb refuses to run as root, so as root prove runs as the `postgres` user.
#   test/tap/run.sh [t/NNN_name.pl ...]    all tests by default; exits non-zero if any fails
# Environment: SYNTHGEN_TAP_SEED (kill points of 001), SYNTHGEN_TAP_KILLS (its iterations, default 20),
# SYNTHGEN_TAP_KEEP=1 keeps the clusters' folders and logs even when every test passes.
set -euo pipefail
cd "$(dirname "$0")"
tap_dir=$(pwd)

bindir=$(pg_config --bindir)
pgxs_dir=$(pg_config --pkglibdir)/pgxs
perl_modules=$pgxs_dir/src/test/perl
pg_regress=$pgxs_dir/src/test/regress/pg_regress
for needed in "$perl_modules/PostgreSQL/Test/Cluster.pm" "$pg_regress"; do
  [ -e "$needed" ] || { echo "run.sh: $needed is missing (package postgresql-client-15)" >&2; exit 1; }
done
perl -MIPC::Run -e 1 2>/dev/null || { echo "run.sh: Perl's IPC::Run is missing (package libipc-run-perl)" >&2; exit 1; }

# The clusters, their logs and prove's temporary files live here; kept (and named) when a test fails.
work=$(mktemp -d /tmp/tap-run.XXXXXX)
chmod 755 "$work"

as_tester=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$work"
  # The postgres user must be able to reach the test files: grant search permission on each parent as needed.
  path=$tap_dir
  while [ "$path" != "/" ]; do
    if ! runuser -u postgres -- test -x "$path"; then
      echo "run.sh: granting the postgres user search permission on $path"
      chmod o+x "$path"
    fi
    path=$(dirname "$path")
  done
  as_tester=(runuser -u postgres --)
fi

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(t/*.pl)

started=$(date +%s)
status=0
"${as_tester[@]}" env HOME="$work" TMPDIR="$work" TESTDIR="$work" PATH="$bindir:$PATH" PERL5LIB="$perl_modules" \
  PG_REGRESS="$pg_regress" ${SYNTHGEN_TAP_KEEP:+PG_TEST_NOCLEAN=1} \
  SYNTHGEN_TAP_SEED="${SYNTHGEN_TAP_SEED:-}" SYNTHGEN_TAP_KILLS="${SYNTHGEN_TAP_KILLS:-}" \
  prove --timer "${tests[@]}" || status=$?
echo "TAP fault tests: $(( $(date +%s) - started )) s"

if [ "$status" -ne 0 ] || [ -n "${SYNTHGEN_TAP_KEEP:-}" ]; then
  echo "run.sh: clusters and logs kept in $work (tmp_check/log: regress_log_* and the servers' logs)"
else
  rm -rf "$work"
fi
exit "$status"
