#!/usr/bin/env bash
# sqlsmith against synthgen: random SQL (Debian's sqlsmith) against a database with synthgen, its sample worlds
# and views over its generators (setup.sql, probes.sql), as a non-superuser role, against an existing cluster.
#   run.sh CLUSTER_DIR PORT [QUERIES]       CLUSTER_DIR as for scripts/cluster.sh; QUERIES defaults to 10000
# Two runs with fixed seeds share the budget: "general" (1/4) sees the whole catalog, every table and function;
# "focused" (3/4) sees only synthgen's tables, views and functions, their probes, and PostgreSQL's aggregates,
# with force_parallel_mode on (what is labelled parallel safe runs in a parallel worker). Prints queries run, how
# many call synthgen, synthgen's calls, errors by SQLSTATE class and crashes (report.pl), and exits 1 if a backend
# crashed or sqlsmith lost its connection, or synthgen raised an internal error. Its files stay in
# /tmp/sqlsmith-run.* when it fails.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
usage="usage: run.sh CLUSTER_DIR PORT [QUERIES]"
cluster=$(cd "${1:?$usage}" && pwd) || exit 2
port=${2:?$usage}
queries=${3:-10000}
database=synthgen_sqlsmith
role=synthgen_sqlsmith
general_queries=$((queries / 4))
focused_queries=$((queries - general_queries))
general_seed=1
focused_seed=2

command -v sqlsmith >/dev/null || { echo "sqlsmith is not installed (apt-get install sqlsmith)"; exit 1; }
log="$cluster/server.log"
[ -r "$log" ] || { echo "no server log at $log"; exit 1; }
work=$(mktemp -d /tmp/sqlsmith-run.XXXXXX)
started=$(date +%s.%N)

admin() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$cluster" -p "$port" -U postgres "$@"
}

# The role and its database, created afresh. The role is an ordinary one (no superuser, no CREATEDB or
# CREATEROLE); its own settings: a statement_timeout (sqlsmith sets the same 1s in its session), a cap on the
# temporary files of one query, the SQLSTATE and source location of every error in the server log, and function
# call counts for report.pl.
admin -d postgres >"$work/setup.log" 2>&1 <<SQL || { cat "$work/setup.log"; echo "creating $database failed"; exit 1; }
DROP DATABASE IF EXISTS $database WITH (FORCE);
DROP ROLE IF EXISTS $role;
CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE $database;
ALTER ROLE $role IN DATABASE $database SET statement_timeout = '1s';
ALTER ROLE $role IN DATABASE $database SET temp_file_limit = '256MB';
ALTER ROLE $role IN DATABASE $database SET log_error_verbosity = verbose;
ALTER ROLE $role IN DATABASE $database SET track_functions = 'all';
SQL
admin -d "$database" -f "$here/setup.sql" >>"$work/setup.log" 2>&1 \
  || { cat "$work/setup.log"; echo "setup.sql failed"; exit 1; }
setup_done=$(date +%s.%N)

# From here on the server log belongs to this run.
log_offset=$(stat -c %s "$log")

# One sqlsmith run: its queries go to NAME.sql, its progress and error summary to NAME.err. The session's
# search_path decides which catalog views sqlsmith reads (setup.sql, end).
run_sqlsmith() {
  local name=$1 seed=$2 count=$3 session_options=$4
  shift 4
  sqlsmith --target="host=$cluster port=$port dbname=$database user=$role options='$session_options'" \
    --seed="$seed" --max-queries="$count" --verbose --dump-all-queries "$@" >"$work/$name.sql" 2>"$work/$name.err"
  echo $? >"$work/$name.status"
}
run_sqlsmith general "$general_seed" "$general_queries" "-c search_path=sqlsmith_types,pg_catalog"
general_done=$(date +%s.%N)
run_sqlsmith focused "$focused_seed" "$focused_queries" \
  "-c search_path=sqlsmith_routines,sqlsmith_types,pg_catalog -c force_parallel_mode=on" --exclude-catalog
focused_done=$(date +%s.%N)

# A backend flushes its function statistics as it exits, just after it leaves pg_stat_activity: wait until the
# role's sessions have left it, and a moment more.
for _ in $(seq 50); do
  [ "$(admin -d "$database" -At -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '$role'")" = 0 ] && break
  sleep 0.1
done
sleep 0.5
admin -d "$database" -At -F $'\t' >"$work/function_calls.tsv" <<SQL
SELECT f.schemaname, f.funcname, f.calls
FROM pg_stat_user_functions f
WHERE f.schemaname = 'probe'
   OR f.funcid IN (SELECT d.objid FROM pg_depend d
                   WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
                     AND d.refobjid = (SELECT e.oid FROM pg_extension e WHERE e.extname = 'synthgen'))
ORDER BY f.calls DESC, f.funcname;
SQL
tail -c +$((log_offset + 1)) "$log" >"$work/server.log"

awk -v version="$(dpkg-query -W -f '${Version}' sqlsmith 2>/dev/null)" -v queries="$queries" -v t0="$started" \
    -v t1="$setup_done" -v t2="$general_done" -v t3="$focused_done" 'BEGIN {
  printf "sqlsmith %s against synthgen, %d queries: setup %.1f s, general run %.1f s, focused run %.1f s\n",
         version, queries, t1 - t0, t2 - t1, t3 - t2 }'
status=0
perl "$here/report.pl" "$work" general "$general_seed" focused "$focused_seed" || status=1
for name in general focused; do
  if [ "$(cat "$work/$name.status")" != 0 ]; then
    echo "sqlsmith's $name run exited with status $(cat "$work/$name.status"):"; tail -5 "$work/$name.err"; status=1
  fi
done
if ! "$root/scripts/cluster.sh" crashes "$cluster"; then
  echo "the server log shows a backend terminated by a signal"; status=1
fi

if [ "$status" -eq 0 ]; then
  admin -d postgres -c "DROP DATABASE $database WITH (FORCE)" -c "DROP ROLE $role" >/dev/null
  rm -rf "$work"
  echo "sqlsmith: passed"
else
  echo "sqlsmith: FAILED (queries, progress and the run's server log are in $work; database $database kept)"
fi
exit "$status"
