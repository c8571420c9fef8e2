#!/usr/bin/env bash
# The valgrind layer of `make test-deep`: runs a reduced pg_regress schedule that calls every C entry point of
# synthgen at small sizes against a throwaway cluster whose server processes all run under Valgrind's memcheck,
# then reads every process's Valgrind log (report.pl). Fails if an error has a synthgen frame, if a regress output
# differs from expected/, or if a backend died by a signal. Ends with one line "N passed, N failed".
#   test/valgrind/run.sh            (SYNTHGEN_VALGRIND_PORT picks the port, default 55100)
# The cluster folder (/tmp/valgrind-cluster.*) is removed on success and kept, with its logs, on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

here=test/valgrind
port=${SYNTHGEN_VALGRIND_PORT:-55100}
bindir=$(pg_config --bindir)
pg_regress=$(pg_config --pkglibdir)/pgxs/src/test/regress/pg_regress
# Every C entry point: install (the catalog), synth_generate_users (its planner support too), streaming_scan (the
# SynthgenStream scan over every generator, in a parallel worker too, rescanned, under a cursor), input_errors,
# synth_seed (synth_insert_users, and synth_random_seed for a NULL seed), synth_graph (nodes, edges and their
# support functions), card_entities (merchants, banks, accounts, cards and synth_first_argument_rows_support),
# card_transactions (transactions, fraud), bulk_insert (the five other synth_insert_* functions).
# Left out: cancel, whose 300 ms statement_timeouts and time bound measure the server's speed, which Valgrind
# divides by 20 to 50; scale_out, which needs two more clusters; and the files that call no C entry point the
# schedule does not (behaviour_windows, synth_materialize_features, synth_training_split, synth_report,
# card_fillers, privileges, schema, upgrade: the PL/pgSQL fillers, roles, reinstalls and the update path).
schedule=(install synth_generate_users streaming_scan input_errors synth_seed synth_graph card_entities card_transactions bulk_insert)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

started=$(date +%s)
passed=0
failed=0

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }
make -s >/dev/null || { echo "build failed"; exit 1; }
make -s install >/dev/null || { echo "make install failed (run as root, or as a user who may write to $(pg_config --pkglibdir))"; exit 1; }

# 0. The report finds a synthgen frame in each form Valgrind prints one, and only there.
fixture_report=$(perl $here/report.pl $here/fixtures/report-check.log)  # exits 1, as it should
if grep -q "contexts with a synthgen frame: 3$" <<<"$fixture_report"; then
  passed=$((passed + 1))
else
  echo "report.pl did not find the three errors with a synthgen frame in $here/fixtures/report-check.log"
  failed=$((failed + 1))
fi

# 1. A cluster initialised and given its database by a plain server, then started again under Valgrind: pg_ctl
# runs the postmaster through a wrapper (-p), and every server process is a fork of it, so each has its own log.
cluster=$(mktemp -d /tmp/valgrind-cluster.XXXXXX)
stop_cluster() {
  [ -f "$cluster/data/postmaster.pid" ] || return 0
  local postmaster_pid
  postmaster_pid=$(head -1 "$cluster/data/postmaster.pid")
  as_owner "$bindir/pg_ctl" -D "$cluster/data" -m fast -w -t 600 stop >/dev/null
  # The postmaster removes its pid file before Valgrind writes the process's error summary: wait for the process.
  while kill -0 "$postmaster_pid" 2>/dev/null; do sleep 1; done
}
trap stop_cluster EXIT
scripts/cluster.sh start "$cluster" "$port" || exit 1
psql -X -q -h "$cluster" -p "$port" -U postgres -d postgres -c "CREATE DATABASE contrib_regression" || exit 1
scripts/cluster.sh stop "$cluster"

# Valgrind's options beyond the usual: --fullpath-after= prints whole source paths (report.pl knows synthgen's
# files by theirs), the error markers delimit each error for report.pl, -s lists how often each suppression matched,
# and --gen-suppressions=all prints a ready suppression after every error. Debian's PostgreSQL is built without
# USE_VALGRIND, so its memory contexts are not instrumented (see postgresql.supp).
cp $here/postgresql.supp $here/synthgen.supp "$cluster/"
cat >"$cluster/postgres-under-valgrind" <<EOF
#!/bin/sh
# Runs the postmaster under Valgrind's memcheck, one log per process (written by test/valgrind/run.sh).
exec valgrind --trace-children=yes --leak-check=no --num-callers=30 --error-limit=no --fullpath-after= -s \\
  --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END --gen-suppressions=all \\
  --suppressions=$cluster/postgresql.supp --suppressions=$cluster/synthgen.supp \\
  --log-file=$cluster/valgrind.%p.log $bindir/postgres "\$@"
EOF
chmod 755 "$cluster/postgres-under-valgrind"
[ "$(id -u)" -eq 0 ] && chown postgres: "$cluster"/*.supp "$cluster/postgres-under-valgrind"
# jit off: LLVM's generated code under Valgrind only adds time. autovacuum off: no test depends on it, and each
# worker would start another process under Valgrind on the machine's two cores.
as_owner "$bindir/pg_ctl" -D "$cluster/data" -p "$cluster/postgres-under-valgrind" -l "$cluster/server.log" -w -t 600 \
  -o "-p $port -k $cluster -c listen_addresses='' -c max_connections=40 -c fsync=off -c jit=off -c autovacuum=off" \
  start >/dev/null || { tail -20 "$cluster/server.log"; exit 1; }

# 2. The reduced schedule; its outputs must match expected/ as in `make test`.
regress_log=$(mktemp)
"$pg_regress" --use-existing --host="$cluster" --port="$port" --user=postgres --inputdir=. \
  --outputdir="$cluster/regress" --dbname=contrib_regression "${schedule[@]}" >"$regress_log" 2>&1
cat "$regress_log"
if grep -qE "All ${#schedule[@]} tests passed" "$regress_log"; then
  passed=$((passed + ${#schedule[@]}))
else
  counts=$(grep -oE "[0-9]+ of [0-9]+ tests failed" "$regress_log" | head -1)
  bad=${counts%% *}
  bad=${bad:-${#schedule[@]}}
  passed=$((passed + ${#schedule[@]} - bad)); failed=$((failed + bad))
  [ -f "$cluster/regress/regression.diffs" ] && cat "$cluster/regress/regression.diffs"
fi
rm -f "$regress_log"

stop_cluster
trap - EXIT

# 3. No backend died by a signal.
if scripts/cluster.sh crashes "$cluster"; then
  passed=$((passed + 1))
else
  echo "the server log shows a backend terminated by a signal"; failed=$((failed + 1))
fi

# 4. Valgrind ran the postmaster and one backend per test at least, and no error of theirs has a synthgen frame.
shopt -s nullglob
logs=("$cluster"/valgrind.*.log)
if [ "${#logs[@]}" -le "${#schedule[@]}" ]; then
  echo "Valgrind wrote ${#logs[@]} log(s) in $cluster: the server did not run under it"; failed=$((failed + 1))
elif perl $here/report.pl "${logs[@]}"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "valgrind run: $(($(date +%s) - started)) s"
if [ "$failed" -eq 0 ]; then
  rm -rf "$cluster"
else
  echo "logs kept in $cluster"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
