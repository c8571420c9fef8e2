#!/usr/bin/env bash
# Part of `make bench` (also runnable alone): does the cost grow linearly and memory stay flat? Times pure
# generation (SELECT count(*) FROM synth_generate_users) and synth_seed into fresh tables at USERS and at
# 10 x USERS users (about 1M and 10M records by default), RUNS runs at each size alternated with the other
# size's (so that the machine's drift falls on both sizes alike), the medians and the median of the run-by-run
# ratios of 10 x USERS to USERS, and reports the
# backend's peak RSS (VmHWM) with the shared-buffer pages (RssShmem) and file mappings (RssFile) in it, and the
# temporary-file bytes of pure generation, streamed (none) and, once at each size, as a function scan (its tuple
# store spills beyond work_mem); and, for synth_seed's baseline, the same figures of COPY FROM binary files of
# the very same rows into the same empty, indexed tables. Settings: PostgreSQL's defaults (work_mem 4MB).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
users=${SCALING_USERS:-100000}

if [ -z "${SYNTHGEN_BENCH_SKIP_SETUP:-}" ]; then
  scripts/install-deps.sh
  make -s >/dev/null
  make -s install >/dev/null
fi
cluster=$(mktemp -d /tmp/synthgen-scaling.XXXXXX)
port=${SYNTHGEN_SCALING_PORT:-54332}
trap 'scripts/cluster.sh stop "$cluster"; rm -rf "$cluster"' EXIT
SYNTHGEN_PG_OPTIONS="" scripts/cluster.sh start "$cluster" "$port"
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$cluster" -p "$port" -U postgres -d bench "$@"; }
psql -X -q -h "$cluster" -p "$port" -U postgres -d postgres -c "CREATE DATABASE bench"
sql -c "CREATE EXTENSION synthgen"
source bench/user_world_columns.sh

timed() {
  local args=(-c '\timing on')
  for statement in "$@"; do args+=(-c "$statement"); done
  sql "${args[@]}" | awk '/^Time: /{ total += $2 } END { printf "%.1f\n", total }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Runs the statement in a fresh session and prints the backend's memory figures afterwards.
memory() {
  sql <<SQL | tail -1
SELECT pg_backend_pid() AS pid \gset
\setenv BACKEND_PID :pid
$1
\! awk '/VmHWM|RssShmem|RssFile/{ printf "%s %d MB  ", \$1, \$2 / 1024 } END { print "" }' /proc/\$BACKEND_PID/status
SQL
}
temp_bytes() { sql -c "SELECT pg_stat_force_next_flush()" -c "SELECT temp_bytes FROM pg_stat_database WHERE datname = 'bench'" | tail -1; }

echo "== scaling: $users and $((users * 10)) users, $runs runs of each size, alternated"
echo "  fresh backend: $(memory "SELECT 1;")"
small=$users
large=$((users * 10))
# alternate NAME STATEMENT_TEMPLATE: RUNS runs of the statement at the small then the large size (@ is the size),
# printing each run; leaves the medians in NAME_small and NAME_large and the median ratio in NAME_ratio.
alternate() {
  local name=$1 template=$2 small_times=() large_times=() ratios=() a b
  for run in $(seq "$runs"); do
    a=$(timed "${template//@/$small}")
    b=$(timed "${template//@/$large}")
    small_times+=("$a"); large_times+=("$b")
    ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')")
    echo "  run $run: $small users $a ms, $large users $b ms, ratio ${ratios[-1]}"
  done
  printf -v "${name}_small" '%s' "$(printf '%s\n' "${small_times[@]}" | median)"
  printf -v "${name}_large" '%s' "$(printf '%s\n' "${large_times[@]}" | median)"
  printf -v "${name}_ratio" '%s' "$(printf '%s\n' "${ratios[@]}" | median)"
}

echo "  pure generation, streamed: SELECT count(*) FROM synth_generate_users(n)"
alternate generation "SELECT count(*) FROM synth_generate_users(@, seed => 1)"
for size in "$small" "$large"; do
  records=$(sql -c "SELECT count(*) FROM synth_generate_users($size, seed => 1)")
  before=$(temp_bytes)
  echo "  $size users ($records records): one more run: $(memory "SET jit = off; SELECT count(*) FROM synth_generate_users($size, seed => 1);")" \
       "temp files $(( ($(temp_bytes) - before) / 1048576 )) MB"
  before=$(temp_bytes)
  echo "  the same as a function scan: $(timed "SET synthgen.stream_scans = off" \
       "SELECT count(*) FROM synth_generate_users($size, seed => 1)") ms, temp files" \
       "$(( ($(temp_bytes) - before) / 1048576 )) MB"
done

echo "  synth_seed(users => n, drop_tables => true)"
alternate seed "SELECT count(*) FROM synth_seed(users => @, seed => 1, drop_tables => true)"
for size in "$small" "$large"; do
  # After a CHECKPOINT, as the COPY baseline below: a backend that must write other sessions' dirty buffers out to
  # reuse them maps those shared pages too (after the 100,000-user COPY, 118 MB of them instead of 63 MB).
  sql -c "CHECKPOINT" >/dev/null
  echo "  $size users: synth_seed, one more run:" \
       "$(memory "SET jit = off; SELECT count(*) FROM synth_seed(users => $size, seed => 1, drop_tables => true);")"
  # The baseline's memory: the very same rows by COPY FROM binary files into the same empty, indexed tables.
  sql -c "COPY (SELECT $records_columns FROM generated_records ORDER BY id) TO '$cluster/records.bin' WITH (FORMAT binary)" \
      -c "COPY (SELECT $metadata_columns FROM evaluation_metadata ORDER BY id) TO '$cluster/metadata.bin' WITH (FORMAT binary)"
  sql -c "SELECT count(*) FROM synth_init(drop_existing => true)" -c "CHECKPOINT" >/dev/null
  started=$(date +%s%N)
  figures=$(memory "SET jit = off; BEGIN;
COPY generated_records ($records_columns) FROM '$cluster/records.bin' WITH (FORMAT binary);
COPY evaluation_metadata ($metadata_columns) FROM '$cluster/metadata.bin' WITH (FORMAT binary);
COMMIT;")
  echo "  $size users: the same rows by COPY FROM binary files into the same empty, indexed tables, in" \
       "$(( ($(date +%s%N) - started) / 1000000 )) ms (the session's wall time); $figures"
  rm -f "$cluster/records.bin" "$cluster/metadata.bin"
done
echo "  10x the users: pure generation median $generation_small ms and $generation_large ms, median ratio run by run" \
     "${generation_ratio}x; synth_seed median $seed_small ms and $seed_large ms, median ratio run by run ${seed_ratio}x"
