#!/usr/bin/env bash
# `make demo`: installs what is missing, builds and installs synthgen, starts a throwaway cluster in .cluster/demo,
# seeds 1,000 users with seed 42, shows synth_stats() and a few rows, fills the credit-card world of the
# original's headline run, and says how to connect.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

cluster=.cluster/demo
port=${SYNTHGEN_DEMO_PORT:-54320}
scripts/cluster.sh stop "$cluster"
scripts/cluster.sh start "$cluster" "$port"
socket=$(cd "$cluster" && pwd)
psql_demo() { psql -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres "$@"; }

psql_demo -d postgres -c "DROP DATABASE IF EXISTS synthgen_demo" -c "CREATE DATABASE synthgen_demo"
psql_demo -d synthgen_demo <<'SQL'
CREATE EXTENSION synthgen;
\echo
\echo '== SELECT * FROM synth_seed(users => 1000, seed => 42);'
\x on
SELECT * FROM synth_seed(users => 1000, seed => 42);
\x off
\echo '== SELECT * FROM synth_stats();'
SELECT * FROM synth_stats();
\echo '== a fraud user of each pattern: its fraud event, as stored'
SELECT r.user_id, r.transaction_timestamp, r.amount, r.available_balance, r.amount_to_avg_ratio,
       round(r.balance_volatility_z_score::numeric, 2) AS balance_z, r.bank_connections_count_24h AS links_24h,
       r.is_off_hours_txn AS off_hours, r.is_fraudulent, m.true_fraud_type, m.fraud_confirmed_at
FROM generated_records r JOIN evaluation_metadata m USING (record_id)
WHERE m.is_fraud_event
  AND r.record_id IN (SELECT DISTINCT ON (true_fraud_type) record_id FROM evaluation_metadata
                      WHERE is_fraud_event ORDER BY true_fraud_type, record_id)
ORDER BY m.true_fraud_type;
\echo '== SELECT * FROM synth_materialize_features();'
SELECT * FROM synth_materialize_features();
\echo '== the single-feature ROC AUCs above 0.9 or below 0.1 in SELECT * FROM synth_report()'
SELECT subject AS pattern, metric AS feature, value AS auc FROM synth_report()
WHERE section = 'single-feature ROC AUC' AND (value > 0.9 OR value < 0.1) ORDER BY 1, 2;
\echo '== the first records of one sleeper_ato user'
SELECT m.sequence_number AS seq, r.transaction_timestamp, r.amount, r.available_balance,
       r.new_bank_connections AS new_links, r.is_off_hours_txn AS off_hours, r.email_changed_at, r.is_fraudulent
FROM generated_records r JOIN evaluation_metadata m USING (record_id)
WHERE r.user_id = (SELECT min(user_id) FROM evaluation_metadata WHERE true_fraud_type = 'sleeper_ato')
ORDER BY m.sequence_number;
\echo '== the credit-card world: SELECT * FROM synth_card_backfill(seed => 42) (the original headline run)'
\x on
SELECT * FROM synth_card_backfill(seed => 42);
\x off
\echo '== one card: its transactions in time order, the country of each merchant, and its fraud'
SELECT t.t_id, t.ts, m.country, t.merchant_id, t.amount, t.ip_address, t.card_present, f.fraud_type
FROM credit_card_transactions t JOIN merchant_details m USING (merchant_id) LEFT JOIN cc_fraud f USING (t_id)
WHERE t.cc_num = (SELECT cc_num FROM cc_fraud WHERE fraud_type = 'geographic' ORDER BY t_id LIMIT 1)
ORDER BY t.ts, t.t_id;
SQL

cat <<TXT

The demo cluster is running. Connect with:
  psql -h $socket -p $port -U postgres synthgen_demo
Stop it with: make demo-stop
TXT
