-- synth_materialize_features(): point-in-time correct, incremental, and in agreement with the stored fields.
SET timezone = 'UTC';
CREATE SCHEMA features;
SELECT users_generated, records FROM synth_seed(users => 300, fraud_rate => 0.1, seed => 5, target_schema => 'features');
-- The first call takes the bulk path (indexes and foreign keys dropped and rebuilt around the insert): the
-- table's indexes, constraints and their comments come back exactly as they were, a user's own among them.
CREATE INDEX features_velocity ON features.feature_snapshots (velocity_24h) WHERE velocity_24h > 3;
COMMENT ON INDEX features.features_velocity IS 'a user''s own partial index';
COMMENT ON CONSTRAINT feature_snapshots_record_id_fkey ON features.feature_snapshots IS 'each snapshot belongs to a record';
-- Another table's foreign key depends on the record_id unique index, which therefore stays in place.
CREATE TABLE features.reviews (record_id varchar(50) REFERENCES features.feature_snapshots (record_id));
CREATE TEMP VIEW snapshot_definitions AS
SELECT 'index' AS kind, c.relname AS name, pg_get_indexdef(c.oid) AS definition, obj_description(c.oid, 'pg_class') AS comment
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'features.feature_snapshots'::regclass
UNION ALL
SELECT 'constraint', conname, pg_get_constraintdef(oid), obj_description(oid, 'pg_constraint')
FROM pg_constraint WHERE conrelid = 'features.feature_snapshots'::regclass;
CREATE TEMP TABLE definitions_before AS SELECT * FROM snapshot_definitions;
SELECT materialized, users FROM synth_materialize_features('features');
SELECT count(*) AS definitions,
       (SELECT count(*) FROM (SELECT * FROM definitions_before EXCEPT SELECT * FROM snapshot_definitions) d) AS lost,
       (SELECT count(*) FROM (SELECT * FROM snapshot_definitions EXCEPT SELECT * FROM definitions_before) d) AS changed
FROM definitions_before;
DROP TABLE features.reviews;
-- A second call finds nothing new.
SELECT materialized, users FROM synth_materialize_features('features');

SELECT f.record_id, f.velocity_24h, round(f.amount_to_avg_ratio_30d::numeric, 4) AS amount_ratio_30d,
       round(f.balance_volatility_z_score::numeric, 4) AS balance_z, f.experimental_signals
FROM features.feature_snapshots f JOIN features.generated_records r USING (record_id)
WHERE r.user_id = (SELECT min(user_id) FROM features.generated_records)
ORDER BY r.transaction_timestamp;

-- Where the definitions coincide, the features equal what the generator stored on the record.
SELECT count(*) AS snapshots,
       count(*) FILTER (WHERE abs(f.balance_volatility_z_score - r.balance_volatility_z_score) > 1e-9) AS z_mismatches,
       count(*) FILTER (WHERE (f.experimental_signals ->> 'bank_connections_24h')::int <> r.bank_connections_count_24h) AS links_mismatches,
       count(*) FILTER (WHERE (f.experimental_signals ->> 'merchant_risk_score')::int <> r.merchant_risk_score) AS risk_mismatches
FROM features.feature_snapshots f JOIN features.generated_records r USING (record_id);

-- An independent, naive recomputation of every feature: correlated subqueries over the user's records at or
-- before the record in (transaction_timestamp, id) order.
CREATE TEMP VIEW naive AS
SELECT r.record_id,
       (SELECT count(*) FROM features.generated_records p WHERE p.user_id = r.user_id AND (p.transaction_timestamp, p.id) <= (r.transaction_timestamp, r.id)
          AND p.transaction_timestamp >= r.transaction_timestamp - interval '24 hours') AS velocity_24h,
       (SELECT count(*) FROM features.generated_records p WHERE p.user_id = r.user_id AND (p.transaction_timestamp, p.id) <= (r.transaction_timestamp, r.id)
          AND p.transaction_timestamp >= r.transaction_timestamp - interval '7 days') AS velocity_7d,
       (SELECT count(*) FILTER (WHERE p.is_off_hours_txn) FROM features.generated_records p WHERE p.user_id = r.user_id
          AND (p.transaction_timestamp, p.id) <= (r.transaction_timestamp, r.id)
          AND p.transaction_timestamp >= r.transaction_timestamp - interval '7 days') AS off_hours_7d,
       (SELECT max(p.amount) FROM features.generated_records p WHERE p.user_id = r.user_id AND (p.transaction_timestamp, p.id) <= (r.transaction_timestamp, r.id)
          AND p.transaction_timestamp >= r.transaction_timestamp - interval '30 days') AS max_amount_30d,
       r.amount / (SELECT avg(p.amount) FROM features.generated_records p WHERE p.user_id = r.user_id
          AND (p.transaction_timestamp, p.id) <= (r.transaction_timestamp, r.id)
          AND p.transaction_timestamp >= r.transaction_timestamp - interval '30 days') AS amount_ratio_30d
FROM features.generated_records r;
SELECT count(*) AS records,
       count(*) FILTER (WHERE f.velocity_24h <> n.velocity_24h) AS velocity_24h_mismatches,
       count(*) FILTER (WHERE (f.experimental_signals ->> 'velocity_7d')::int <> n.velocity_7d) AS velocity_7d_mismatches,
       count(*) FILTER (WHERE (f.experimental_signals ->> 'off_hours_count_7d')::int <> n.off_hours_7d) AS off_hours_mismatches,
       count(*) FILTER (WHERE (f.experimental_signals ->> 'max_amount_30d')::numeric <> n.max_amount_30d) AS max_amount_mismatches,
       count(*) FILTER (WHERE abs(f.amount_to_avg_ratio_30d - n.amount_ratio_30d) > 1e-9 * n.amount_ratio_30d) AS ratio_mismatches
FROM features.feature_snapshots f JOIN naive n USING (record_id);

-- Leakage: delete every record after a cutoff, rematerialise from scratch, and the features of the remaining
-- records are unchanged.
CREATE TEMP TABLE before_cutoff AS
SELECT f.record_id, f.velocity_24h, f.amount_to_avg_ratio_30d, f.balance_volatility_z_score, f.experimental_signals
FROM features.feature_snapshots f JOIN features.generated_records r USING (record_id)
WHERE r.transaction_timestamp < '2025-11-15 00:00:00+00';
DELETE FROM features.generated_records WHERE transaction_timestamp >= '2025-11-15 00:00:00+00';
TRUNCATE features.feature_snapshots;
SELECT materialized FROM synth_materialize_features('features');
SELECT (SELECT count(*) FROM before_cutoff) AS kept,
       count(*) AS differing FROM (
  SELECT record_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals FROM before_cutoff
  EXCEPT
  SELECT record_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals FROM features.feature_snapshots) d;

-- Incremental equals one-shot: the later records arrive after a first materialisation; the second call
-- materialises only them, with their full history in their windows.
INSERT INTO features.generated_records (record_id, user_id, full_name, email, phone, transaction_timestamp,
    is_off_hours_txn, available_balance, balance_to_transaction_ratio, avg_available_balance_30d,
    balance_volatility_z_score, bank_connections_count_24h, bank_connections_count_7d, bank_connections_avg_30d,
    amount, amount_to_avg_ratio, merchant_risk_score, is_returned, email_changed_at, phone_changed_at,
    is_fraudulent, fraud_type, new_bank_connections)
SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn, available_balance,
    balance_to_transaction_ratio, avg_available_balance_30d, balance_volatility_z_score, bank_connections_count_24h,
    bank_connections_count_7d, bank_connections_avg_30d, amount, amount_to_avg_ratio, merchant_risk_score,
    is_returned, email_changed_at, phone_changed_at, is_fraudulent, fraud_type, new_bank_connections
FROM synth_generate_users(300, fraud_rate => 0.1, seed => 5)
WHERE transaction_timestamp >= '2025-11-15 00:00:00+00'
ORDER BY user_id, sequence_number;
SELECT materialized FROM synth_materialize_features('features');
CREATE SCHEMA features_once;
SELECT records FROM synth_seed(users => 300, fraud_rate => 0.1, seed => 5, target_schema => 'features_once');
SELECT materialized FROM synth_materialize_features('features_once');
SELECT count(*) AS differing FROM (
  (SELECT record_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals FROM features.feature_snapshots
   EXCEPT ALL
   SELECT record_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals FROM features_once.feature_snapshots)
  UNION ALL
  (SELECT record_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals FROM features_once.feature_snapshots
   EXCEPT ALL
   SELECT record_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals FROM features.feature_snapshots)) d;

-- Same-timestamp peers: a record never sees a peer inserted after it; the later peer sees the earlier one.
INSERT INTO features.generated_records (record_id, user_id, full_name, email, phone, transaction_timestamp,
    is_off_hours_txn, available_balance, balance_to_transaction_ratio, avg_available_balance_30d,
    balance_volatility_z_score, bank_connections_count_24h, bank_connections_count_7d, bank_connections_avg_30d,
    amount, amount_to_avg_ratio, merchant_risk_score, is_returned, is_fraudulent, new_bank_connections)
SELECT 'peer_' || i, 'user_peers', 'Pat Peer', 'pat.peer@example.com', '+1-212-555-0100', '2025-12-01 12:00:00+00',
       false, 1000, 10, 1000, 0, 0, 0, 0, 10 * i, 1, 10, false, false, 0
FROM generate_series(1, 3) i;
SELECT materialized FROM synth_materialize_features('features');
SELECT record_id, velocity_24h, experimental_signals ->> 'max_amount_30d' AS max_amount_30d
FROM features.feature_snapshots WHERE user_id = 'user_peers' ORDER BY record_id;

-- The GIN index on experimental_signals (jsonb_path_ops) answers containment queries, with the rows a
-- sequential scan finds.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM features.feature_snapshots WHERE experimental_signals @> '{"off_hours_count_7d": 2}';
CREATE TEMP TABLE by_index AS
SELECT record_id FROM features.feature_snapshots WHERE experimental_signals @> '{"off_hours_count_7d": 2, "velocity_7d": 3}';
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
SELECT count(*) AS found,
       count(*) = (SELECT count(*) FROM features.feature_snapshots
                   WHERE (experimental_signals ->> 'off_hours_count_7d')::int = 2
                     AND (experimental_signals ->> 'velocity_7d')::int = 3) AS same_as_by_value,
       (SELECT count(*) FROM (SELECT record_id FROM by_index
                              EXCEPT SELECT record_id FROM features.feature_snapshots
                                     WHERE experimental_signals @> '{"off_hours_count_7d": 2, "velocity_7d": 3}') d) AS differ
FROM by_index;
RESET enable_bitmapscan;
RESET enable_indexscan;

-- Errors.
\set VERBOSITY terse
SELECT * FROM synth_materialize_features(NULL);
SELECT * FROM synth_materialize_features('pg_catalog');
\set VERBOSITY default
SET client_min_messages = warning;
DROP SCHEMA features CASCADE;
DROP SCHEMA features_once CASCADE;
