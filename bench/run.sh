#!/usr/bin/env bash
# `make bench`: synthgen's throughput figures on a throwaway cluster with PostgreSQL's default settings.
#  0. the core alone (a C++ binary, no PostgreSQL) -> records per second;
#  1. pure generation: SELECT count(*) FROM synth_generate_users(USERS) -> records per second, streamed and as a
#     function scan;
#  2. end to end: synth_seed(users => USERS) into the empty, indexed tables, against COPY ... FROM binary files
#     of the very same rows into the same empty tables, alternated run by run, in one transaction each;
#  3. the feature store against CREATE TABLE AS of its query (with and without the table's indexes), graph
#     generation, the graph filler against COPY of the same rows, the card world's headline backfill against a
#     restore of the same rows, its transaction generation, cancel latency and backend memory;
#  4. bench/scaling.sh: cost and memory at USERS and at 10 x USERS.
# Prints every run, then medians and the ratios of each comparison. RUNS (default 5) and USERS (default 100000)
# can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
users=${USERS:-100000}

scripts/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

cluster=$(mktemp -d /tmp/synthgen-bench.XXXXXX)
port=${SYNTHGEN_BENCH_PORT:-54331}
trap 'scripts/cluster.sh stop "$cluster"; rm -rf "$cluster"' EXIT
SYNTHGEN_PG_OPTIONS="" scripts/cluster.sh start "$cluster" "$port"
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$cluster" -p "$port" -U postgres -d bench "$@"; }
psql -X -q -h "$cluster" -p "$port" -U postgres -d postgres -c "CREATE DATABASE bench"
sql -c "CREATE EXTENSION synthgen"

# Milliseconds spent in the given statements (psql's \timing, summed), run in one session.
timed() {
  local args=(-c '\timing on')
  for statement in "$@"; do args+=(-c "$statement"); done
  sql "${args[@]}" | awk '/^Time: /{ total += $2 } END { printf "%.1f\n", total }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# timed_copy TABLE COLUMNS FILE [TABLE COLUMNS FILE ...]: milliseconds to COPY each table's COLUMNS from the binary
# FILE in the cluster's directory, all in one transaction.
timed_copy() {
  local statements=(BEGIN)
  while (($#)); do
    statements+=("COPY $1 ($2) FROM '$cluster/$3' WITH (FORMAT binary)")
    shift 3
  done
  timed "${statements[@]}" COMMIT
}
# timed_median STATEMENT...: runs the statements RUNS times, printing each run's milliseconds on stderr, and
# prints the median on stdout.
timed_median() {
  local times=() run ms
  for run in $(seq "$runs"); do
    ms=$(timed "$@")
    times+=("$ms")
    echo "  run $run: $ms ms" >&2
  done
  printf '%s\n' "${times[@]}" | median
}
# compare LABEL_A RUN_A LABEL_B RUN_B [LABEL RUN ...]: alternates the ways of making the same rows RUNS times
# (each RUN prepares untimed, then prints the milliseconds of its timed part), printing each run, every median
# and the median of the run-by-run ratios of A to each other way; leaves the medians in the array medians.
medians=()
compare() {
  local labels=() functions=() ms=() times=() ratios=() run i ratio line
  while (($#)); do labels+=("$1"); functions+=("$2"); shift 2; done
  for run in $(seq "$runs"); do
    line="  run $run:"
    for i in "${!labels[@]}"; do
      ms[$i]=$("${functions[$i]}")
      times[$i]+="${ms[$i]}"$'\n'
      line+=" ${labels[$i]} ${ms[$i]} ms,"
    done
    for ((i = 1; i < ${#labels[@]}; i++)); do
      ratio=$(awk -v a="${ms[0]}" -v b="${ms[$i]}" 'BEGIN { printf "%.3f", a / b }')
      ratios[$i]+="$ratio"$'\n'
      line+=" ratio to ${labels[$i]} $ratio,"
    done
    echo "${line%,}"
  done
  line="  median"
  medians=()
  for i in "${!labels[@]}"; do
    medians[$i]=$(printf '%s' "${times[$i]}" | median)
    line+=" ${labels[$i]} ${medians[$i]} ms,"
  done
  for ((i = 1; i < ${#labels[@]}; i++)); do
    line+=" median ratio to ${labels[$i]} $(printf '%s' "${ratios[$i]}" | median),"
  done
  echo "${line%,}"
}

echo "== the core alone (no PostgreSQL): bench/core_throughput.cpp, 1,000,000 users"
cmake --build build --target synthgen_core_bench -j2 >/dev/null
core=()
for run in $(seq "$runs"); do
  line=$(build/synthgen_core_bench 1000000)
  core+=("$(awk '{ print $(NF - 1) }' <<<"$line")")
  echo "  run $run: $line"
done
echo "  median $(printf '%s\n' "${core[@]}" | median) records/s"

records=$(sql -c "SELECT count(*) FROM synth_generate_users($users, seed => 1)")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; PostgreSQL $(pg_config --version | cut -d' ' -f2); default settings"
echo "world: $users users, seed 1, $records records"

echo "== pure generation: SELECT count(*) FROM synth_generate_users($users), streamed (SynthgenStream, the default)"
echo "   and as PostgreSQL's function scan into a tuple store (synthgen.stream_scans = off)"
stream_run() { timed "SELECT count(*) FROM synth_generate_users($users, seed => 1)"; }
function_scan_run() {
  timed "SET synthgen.stream_scans = off" "SELECT count(*) FROM synth_generate_users($users, seed => 1)"
}
compare SynthgenStream stream_run "function scan" function_scan_run
ways=(streamed "function scan")
for i in 0 1; do
  echo "  ${ways[$i]}: median ${medians[$i]} ms =" \
       "$(awk -v r="$records" -v ms="${medians[$i]}" 'BEGIN { printf "%.0f", r / ms * 1000 }') records/s"
done

echo "== end to end: synth_seed(users => $users) vs COPY FROM binary files of the same rows"
source bench/user_world_columns.sh
sql -c "SELECT count(*) FROM synth_seed(users => $users, seed => 1, drop_tables => true)" >/dev/null
sql -c "COPY (SELECT $records_columns FROM generated_records ORDER BY id) TO '$cluster/records.bin' WITH (FORMAT binary)"
sql -c "COPY (SELECT $metadata_columns FROM evaluation_metadata ORDER BY id) TO '$cluster/metadata.bin' WITH (FORMAT binary)"

seed_run() {
  sql -c "SELECT count(*) FROM synth_init(drop_existing => true)" -c "CHECKPOINT" >/dev/null
  timed "SELECT count(*) FROM synth_seed(users => $users, seed => 1)"
}
seed_copy_run() {
  sql -c "SELECT count(*) FROM synth_init(drop_existing => true)" -c "CHECKPOINT" >/dev/null
  timed_copy generated_records "$records_columns" records.bin evaluation_metadata "$metadata_columns" metadata.bin
}
compare synth_seed seed_run COPY seed_copy_run

echo "== feature store: synth_materialize_features() over the $records records, against CREATE TABLE AS of the"
echo "   query it runs into the empty table (synth_feature_query(pending_only => false)), and against that CREATE TABLE"
echo "   AS followed by the feature store's indexes and foreign key on the columns it has (record_id unique and"
echo "   referencing generated_records, user_id, the GIN index; no identity key, no computed_at): what PostgreSQL"
echo "   itself needs for the indexed table, at least; alternated, feature_snapshots emptied before each"
sql -c "SELECT count(*) FROM synth_init(drop_existing => true)" -c "SELECT count(*) FROM synth_seed(users => $users, seed => 1)" >/dev/null
materialize_run() {
  sql -c "TRUNCATE feature_snapshots" -c "CHECKPOINT" >/dev/null
  timed "SELECT count(*) FROM synth_materialize_features()"
}
ctas_statement="DO \$\$ BEGIN EXECUTE 'CREATE TABLE features_copy AS ' || synth_feature_query(pending_only => false); END \$\$"
ctas_prepare() {
  sql -c "SET client_min_messages = warning" -c "TRUNCATE feature_snapshots" -c "DROP TABLE IF EXISTS features_copy" \
      -c "CHECKPOINT" >/dev/null
}
ctas_run() {
  ctas_prepare
  timed "$ctas_statement"
}
ctas_indexed_run() {
  ctas_prepare
  timed BEGIN "$ctas_statement" \
        "ALTER TABLE features_copy ADD UNIQUE (record_id)" \
        "ALTER TABLE features_copy ADD FOREIGN KEY (record_id) REFERENCES generated_records (record_id) ON DELETE CASCADE" \
        "CREATE INDEX ON features_copy (user_id)" \
        "CREATE INDEX ON features_copy USING gin (experimental_signals jsonb_path_ops)" COMMIT
}
compare synth_materialize_features materialize_run "CREATE TABLE AS" ctas_run "CREATE TABLE AS + indexes" ctas_indexed_run
sql -c "DROP TABLE features_copy"

echo "== graph generation: synth_generate_graph_nodes/edges($users)"
graph_nodes=$(sql -c "SELECT count(*) FROM synth_generate_graph_nodes($users, seed => 1)")
graph_edges=$(sql -c "SELECT count(*) FROM synth_generate_graph_edges($users, seed => 1)")
echo "  $graph_nodes nodes and $graph_edges edges"
graph_ms=$(timed_median "SELECT count(*) FROM synth_generate_graph_nodes($users, seed => 1)" \
                        "SELECT count(*) FROM synth_generate_graph_edges($users, seed => 1)")
echo "  median $graph_ms ms = $(awk -v r="$((graph_nodes + graph_edges))" -v ms="$graph_ms" 'BEGIN { printf "%.0f", r / ms * 1000 }') rows/s"

echo "== the graph filler: synth_seed_graph(users => $users) vs COPY FROM binary files of the same rows into the"
echo "   same empty, indexed tables (the filler creates its tables, loads them and builds their indexes afterwards)"
node_columns="node_id, node_type, name, email, phone, fingerprint, device_type, os, user_agent, account_number,
  account_type, balance, ip_address, is_vpn, country, pattern, structure_id"
edge_columns="edge_type, source_id, target_id, created_at, access_count, session_count, amount, hop_number, pattern,
  structure_id"
sql -c "CREATE SCHEMA graph" -c "SELECT count(*) FROM synth_seed_graph($users, seed => 1, target_schema => 'graph')" >/dev/null
sql -c "COPY (SELECT $node_columns FROM graph.graph_nodes ORDER BY ctid) TO '$cluster/nodes.bin' WITH (FORMAT binary)"
sql -c "COPY (SELECT $edge_columns FROM graph.graph_edges ORDER BY id) TO '$cluster/edges.bin' WITH (FORMAT binary)"
graph_seed_run() {
  sql -c "DROP TABLE graph.graph_edges, graph.graph_nodes" -c "CHECKPOINT" >/dev/null
  timed "SELECT count(*) FROM synth_seed_graph($users, seed => 1, target_schema => 'graph')"
}
graph_copy_run() {
  sql -c "TRUNCATE graph.graph_edges, graph.graph_nodes RESTART IDENTITY" -c "CHECKPOINT" >/dev/null
  timed_copy graph.graph_nodes "$node_columns" nodes.bin graph.graph_edges "$edge_columns" edges.bin
}
compare synth_seed_graph graph_seed_run COPY graph_copy_run
sql -c "DROP TABLE graph.graph_edges, graph.graph_nodes" -c "DROP SCHEMA graph"

echo "== the card world, the original's headline run: synth_card_backfill() of 500 merchants, 1,000 banks,"
echo "   10,000 accounts, 20,000 cards and 500,000 transactions + fraud (0.0001, chain ratio 0.9, seed 42) into"
echo "   its indexed tables (the original took 18.6 s without writing to any database), alternated with what a"
echo "   restore of the very same rows costs PostgreSQL: the tables created, COPY FROM binary files into them, then"
echo "   the same keys, indexes and foreign keys built, in one statement too; then pure generation"
card_tables="card_world merchant_details bank_details account_details card_details credit_card_transactions cc_fraud"
sql -c "SELECT count(*) FROM synth_card_backfill(seed => 42, drop_tables => true)" >/dev/null
card_copies=""
for table in $card_tables; do
  sql -c "COPY $table TO '$cluster/card_$table.bin' WITH (FORMAT binary)"
  card_copies+="EXECUTE format('COPY $table FROM %L WITH (FORMAT binary)', '$cluster/card_$table.bin'); "
done
card_backfill_run() {
  sql -c "CHECKPOINT" >/dev/null
  timed "SELECT count(*) FROM synth_card_backfill(seed => 42, drop_tables => true)"
}
card_restore_run() {
  sql -c "CHECKPOINT" >/dev/null
  timed "DO \$\$ DECLARE restore text[]; BEGIN
           PERFORM synth_card_init(drop_existing => true);
           restore := synth_detach_indexes('cc_fraud');
           restore := synth_detach_indexes('credit_card_transactions') || restore;
           restore := synth_detach_indexes('card_details') || restore;
           $card_copies
           PERFORM synth_run_statements(restore);
         END \$\$"
}
compare synth_card_backfill card_backfill_run "COPY restore" card_restore_run
echo "  synth_card_backfill: $(awk -v ms="${medians[0]}" 'BEGIN { printf "%.1f", 18600 / ms }')x faster than the original's 18.6 s"
card_generation_ms=$(timed_median "SELECT count(*) FROM synth_generate_transactions(500000, seed => 42)")
echo "  pure generation of the 500,000 transactions: median $card_generation_ms ms =" \
     "$(awk -v ms="$card_generation_ms" 'BEGIN { printf "%.0f", 500000 / ms * 1000 }') rows/s"

echo "== cancel latency: statement_timeout 300 ms on synth_generate_users(100000000)"
latencies=()
for run in $(seq "$runs"); do
  ms=$(sql -c "SET statement_timeout = '300ms'" -c '\timing on' \
           -c "SELECT count(*) FROM synth_generate_users(100000000, seed => 1)" 2>&1 | awk '/^Time: /{ print $2 }' || true)
  latency=$(awk -v ms="$ms" 'BEGIN { printf "%.1f", ms - 300 }')
  latencies+=("$latency")
  echo "  run $run: stopped after $ms ms, $latency ms past the timeout"
done
echo "  median $(printf '%s\n' "${latencies[@]}" | median) ms past the timeout, max $(printf '%s\n' "${latencies[@]}" | sort -n | tail -1) ms"

echo "== backend memory: peak RSS (VmHWM), and at the end the shared memory (shared_buffers pages the backend"
echo "   touched) and file mappings in it; synth_seed at two sizes with jit off, then once with PostgreSQL's default"
# Reads the backend's own /proc status from inside its session (psql's \! runs on this machine, as the backend does).
memory() {
  sql <<SQL | tail -1
SELECT pg_backend_pid() AS pid \gset
\setenv BACKEND_PID :pid
$1
\! awk '/VmHWM|RssShmem|RssFile/{ printf "%s %d MB  ", \$1, \$2 / 1024 } END { print "" }' /proc/\$BACKEND_PID/status
SQL
}
echo "  fresh backend:                  $(memory "SELECT 1;")"
# Each after a CHECKPOINT: a backend that must write other sessions' dirty buffers out to reuse them maps those
# shared pages too, which would count the earlier steps' writes in its peak RSS.
for size in $((users / 10)) "$users"; do
  sql -c "SELECT count(*) FROM synth_init(drop_existing => true)" -c "CHECKPOINT" >/dev/null
  echo "  synth_seed($size), jit off: $(memory "SET jit = off; SELECT count(*) FROM synth_seed(users => $size, seed => 1);")"
done
sql -c "SELECT count(*) FROM synth_init(drop_existing => true)" -c "CHECKPOINT" >/dev/null
echo "  synth_seed($users), jit on:  $(memory "SELECT count(*) FROM synth_seed(users => $users, seed => 1);")"

SYNTHGEN_BENCH_SKIP_SETUP=1 RUNS="$runs" SCALING_USERS="$users" bench/scaling.sh
