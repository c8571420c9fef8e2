#!/usr/bin/env bash
# Cancel latency of every long entry point (a `make test-deep` step): starts three throwaway clusters (one that
# runs the calls, two workers for synth_seed_distributed), has test/cancel/latency.pl cancel each entry point by
# statement_timeout and by pg_cancel_backend() and report p50/p99/max, then checks that no backend died.
# Exits 1 if any p99 exceeds 300 ms, a call misbehaves, or a backend crashed. Runs against the installed extension.
#   test/cancel/latency.sh            20 cancels per way at the deep sizes (up to 1.5 M rows a call; 9-12 min)
#   test/cancel/latency.sh --quick    5 cancels per way at small sizes (about 1 min)
#   test/cancel/latency.sh --full     20 cancels per way at about 10 M rows a call (many hours: a 10 M-row
#                                     fill takes minutes and each cancel reruns it)
# Other arguments go to latency.pl (--only REGEX, --iterations N, --seed S, --samples FILE, ...).
# SYNTHGEN_CANCEL_PORT (default 55505) is the first of the three ports.
set -euo pipefail
cd "$(dirname "$0")/../.."

size=deep
iterations=20
args=()
for arg in "$@"; do
  case "$arg" in
    --quick) size=quick; iterations=5 ;;
    --full) size=full ;;
    *) args+=("$arg") ;;
  esac
done

port=${SYNTHGEN_CANCEL_PORT:-55505}
base=$(mktemp -d /tmp/cancel-run.XXXXXX)
chmod 755 "$base"
clusters=("$base/main" "$base/worker1" "$base/worker2")
stop_clusters() {
  for cluster in "${clusters[@]}"; do scripts/cluster.sh stop "$cluster"; done
  rm -rf "$base"
}
trap stop_clusters EXIT

for n in 0 1 2; do
  scripts/cluster.sh start "${clusters[$n]}" $((port + n))
done
sql() {
  local n=$1 database=$2
  shift 2
  psql -X -q -v ON_ERROR_STOP=1 -h "${clusters[$n]}" -p $((port + n)) -U postgres -d "$database" "$@"
}
for n in 1 2; do
  sql "$n" postgres -c "CREATE DATABASE world"
  sql "$n" world -c "CREATE EXTENSION synthgen"
done
sql 0 postgres -c "CREATE DATABASE cancel"
sql 0 cancel <<SQL
CREATE EXTENSION synthgen;
CREATE EXTENSION dblink;
CREATE EXTENSION postgres_fdw;
CREATE SERVER cancel_worker_1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '${clusters[1]}', port '$((port + 1))', dbname 'world');
CREATE SERVER cancel_worker_2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '${clusters[2]}', port '$((port + 2))', dbname 'world');
CREATE USER MAPPING FOR CURRENT_USER SERVER cancel_worker_1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER cancel_worker_2 OPTIONS (user 'postgres');
SQL

status=0
perl test/cancel/latency.pl --host "${clusters[0]}" --port "$port" --dbname cancel --size "$size" \
  --iterations "$iterations" --distributed "${args[@]}" || status=$?

for cluster in "${clusters[@]}"; do
  if ! scripts/cluster.sh crashes "$cluster"; then
    echo "the server log of $cluster shows a backend terminated by a signal"
    status=1
  fi
done
exit "$status"
