-- synth_init(), synth_seed(), synth_stats(): the original init/seed/stats commands.
SET timezone = 'UTC';
CREATE SCHEMA seeded;

SELECT * FROM synth_init('seeded');
SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable
FROM information_schema.columns WHERE table_schema = 'seeded' AND table_name = 'generated_records'
ORDER BY ordinal_position;
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'seeded' ORDER BY tablename, indexname;
SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE connamespace = 'seeded'::regnamespace ORDER BY 1, 2;

SELECT users_generated, records, metadata_rows, fraud_users, liquidity_crunch_users, link_burst_users, ato_users,
       bust_out_users, sleeper_ato_users, train_eligible, evaluation_only, seed_used
FROM synth_seed(users => 1000, seed => 42, target_schema => 'seeded');
SELECT * FROM synth_stats('seeded');

-- The stored rows are exactly the generator's rows.
SELECT count(*) AS differing_rows FROM (
  SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, amount, available_balance, is_fraudulent, fraud_type
  FROM seeded.generated_records
  EXCEPT ALL
  SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, amount, available_balance, is_fraudulent, fraud_type
  FROM synth_generate_users(1000, seed => 42)) d;
SELECT count(*) AS differing_rows FROM (
  SELECT user_id, record_id, sequence_number, fraud_confirmed_at, is_pre_fraud, days_to_fraud, is_train_eligible,
         is_fraud_event, true_fraud_type FROM seeded.evaluation_metadata
  EXCEPT ALL
  SELECT user_id, record_id, sequence_number, fraud_confirmed_at, is_pre_fraud, days_to_fraud, is_train_eligible,
         is_fraud_event, true_fraud_type FROM synth_generate_users(1000, seed => 42)) d;

-- Seeding the same world twice collides on record_id, and the failed call leaves the first fill intact.
\set VERBOSITY terse
SELECT * FROM synth_seed(users => 1000, seed => 42, target_schema => 'seeded');
\set VERBOSITY default
SELECT count(*) FROM seeded.generated_records;

-- drop_tables recreates the tables; legacy mode writes one record per user.
SELECT users_generated, records, metadata_rows, fraud_users, seed_used
FROM synth_seed(users => 500, fraud_rate => 0.1, seed => 8, legacy => true, drop_tables => true, target_schema => 'seeded');
SELECT count(*) AS records, count(DISTINCT user_id) AS users FROM seeded.generated_records;

-- A NULL seed picks one and reports it (NOTICE and summary); that seed reproduces the data.
SET client_min_messages = warning;
SELECT seed_used AS reported_seed FROM synth_seed(users => 20, drop_tables => true, target_schema => 'seeded') \gset
RESET client_min_messages;
SELECT count(*) > 0 AS stored, count(*) = count(*) FILTER (WHERE g.record_id IS NOT NULL AND g.amount = r.amount) AS all_reproduced
FROM seeded.generated_records r
LEFT JOIN synth_generate_users(20, seed => :reported_seed) g USING (record_id);

-- The default schema is the caller's current schema.
SET search_path = seeded, public;
SELECT users_generated, records FROM synth_seed(users => 10, seed => 1, drop_tables => true);
RESET search_path;
SELECT count(*) FROM seeded.generated_records;

-- A fill that fails on its very last record, after thousands of rows went in, leaves no partial data:
-- plant the world's last record first, so that synth_seed collides with it at the end.
SELECT count(*) FROM synth_init('seeded', drop_existing => true);
INSERT INTO seeded.generated_records (record_id, user_id, full_name, email, phone, transaction_timestamp,
    is_off_hours_txn, available_balance, balance_to_transaction_ratio, avg_available_balance_30d,
    balance_volatility_z_score, bank_connections_count_24h, bank_connections_count_7d, bank_connections_avg_30d,
    amount, amount_to_avg_ratio, merchant_risk_score, is_returned, email_changed_at, phone_changed_at,
    is_fraudulent, fraud_type, new_bank_connections)
SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn, available_balance,
    balance_to_transaction_ratio, avg_available_balance_30d, balance_volatility_z_score, bank_connections_count_24h,
    bank_connections_count_7d, bank_connections_avg_30d, amount, amount_to_avg_ratio, merchant_risk_score,
    is_returned, email_changed_at, phone_changed_at, is_fraudulent, fraud_type, new_bank_connections
FROM synth_generate_users(1, seed => 42, first_user => 999, world_size => 1000)
ORDER BY sequence_number DESC LIMIT 1;
\set VERBOSITY terse
SELECT * FROM synth_seed(users => 1000, seed => 42, target_schema => 'seeded');
\set VERBOSITY default
SELECT (SELECT count(*) FROM seeded.generated_records) AS records_left,
       (SELECT count(*) FROM seeded.evaluation_metadata) AS metadata_left;

-- Into empty tables it owns, synth_seed builds the secondary indexes after loading: all of them are
-- back, as synth_init defines them, and they find the rows.
SELECT count(*) FROM synth_seed(users => 200, seed => 4, drop_tables => true, target_schema => 'seeded');
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'seeded' ORDER BY tablename, indexname;
SET enable_seqscan = off;
SELECT count(*) AS by_user_index FROM seeded.generated_records WHERE user_id >= 'user_';
SELECT count(*) AS by_record_index FROM seeded.evaluation_metadata WHERE record_id >= 'rec_';
RESET enable_seqscan;

SET client_min_messages = warning;
DROP SCHEMA seeded CASCADE;
