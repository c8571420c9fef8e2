-- synth_training_split(): the knowledge-horizon rules, on hand-checkable records (cutoff 2025-12-01).
SET timezone = 'UTC';
CREATE SCHEMA split;
SELECT count(*) FROM synth_init('split');
CREATE TEMP TABLE cases (record_id text, user_id text, ts timestamptz, is_fraudulent boolean, is_fraud_event boolean,
                         confirmed timestamptz, eligible boolean, note text);
INSERT INTO cases VALUES
  ('a1', 'legit',     '2025-11-01', false, false, NULL,         true,  'legitimate, before the cutoff: train, 0'),
  ('a2', 'legit',     '2025-12-05', false, false, NULL,         true,  'legitimate, after: test, 0'),
  ('b1', 'caught',    '2025-11-10', true,  true,  '2025-11-12', true,  'fraud confirmed before the cutoff: train, 1'),
  ('b2', 'caught',    '2025-11-20', false, false, '2025-11-12', false, 'after its confirmation: evaluation only, left out'),
  ('c1', 'lagging',   '2025-11-28', true,  true,  '2025-12-03', true,  'fraud confirmed after the cutoff: train, 0 (label lag)'),
  ('c2', 'lagging',   '2025-12-02', false, false, '2025-12-03', true,  'after the cutoff: test, 0'),
  ('d1', 'later',     '2025-12-10', true,  true,  '2025-12-12', true,  'fraud after the cutoff, confirmed: test, 1'),
  ('e1', 'unnoticed', '2025-12-20', false, true,  '2026-01-05', true,  'fraud never confirmed by the simulation date: test, 0');
INSERT INTO split.generated_records (record_id, user_id, full_name, email, phone, transaction_timestamp,
    is_off_hours_txn, available_balance, balance_to_transaction_ratio, avg_available_balance_30d,
    balance_volatility_z_score, bank_connections_count_24h, bank_connections_count_7d, bank_connections_avg_30d,
    amount, amount_to_avg_ratio, merchant_risk_score, is_returned, is_fraudulent, fraud_type, new_bank_connections)
SELECT record_id, user_id, 'Test User', 'test.user@example.com', '+1-212-555-0100', ts, false, 1000, 10, 1000, 0,
       0, 0, 0, 100, 1, 10, false, is_fraudulent, CASE WHEN is_fraudulent THEN 'ato' END, 0
FROM cases;
INSERT INTO split.evaluation_metadata (user_id, record_id, sequence_number, fraud_confirmed_at, is_pre_fraud,
    days_to_fraud, is_train_eligible, is_fraud_event, true_fraud_type)
SELECT user_id, record_id, 1, confirmed, confirmed IS NULL OR ts < confirmed,
       extract(epoch FROM confirmed - ts) / 86400, eligible, is_fraud_event, CASE WHEN is_fraud_event THEN 'ato' END
FROM cases;
SELECT materialized FROM synth_materialize_features('split');

SELECT s.record_id, s.split, s.label, s.velocity_24h, c.note
FROM synth_training_split('2025-12-01 00:00:00+00', 'split') s JOIN cases c USING (record_id)
ORDER BY s.record_id;

-- On a generated world: every eligible record before the cutoff is in train, everything after it in test, and
-- train labels lag the truth by exactly the fraud events confirmed after the cutoff.
CREATE SCHEMA split_world;
SELECT records FROM synth_seed(users => 2000, fraud_rate => 0.1, seed => 31, target_schema => 'split_world');
SELECT materialized FROM synth_materialize_features('split_world');
SELECT split, count(*) AS records, count(*) FILTER (WHERE label) AS labelled_fraud,
       count(*) FILTER (WHERE velocity_24h IS NULL) AS without_features
FROM synth_training_split('2025-12-01 00:00:00+00', 'split_world') GROUP BY split ORDER BY split;
SELECT count(*) FILTER (WHERE m.is_fraud_event AND r.transaction_timestamp < '2025-12-01' AND r.is_fraudulent) AS true_train_fraud,
       count(*) FILTER (WHERE m.is_fraud_event AND r.transaction_timestamp < '2025-12-01' AND r.is_fraudulent
                        AND m.fraud_confirmed_at > '2025-12-01') AS confirmed_after_cutoff
FROM split_world.generated_records r JOIN split_world.evaluation_metadata m USING (record_id);
SELECT (SELECT count(*) FROM synth_training_split('2025-12-01 00:00:00+00', 'split_world') WHERE split = 'train' AND label)
     = count(*) FILTER (WHERE m.is_fraud_event AND r.is_fraudulent AND r.transaction_timestamp < '2025-12-01'
                        AND m.fraud_confirmed_at <= '2025-12-01') AS train_labels_are_the_confirmed_events,
       (SELECT count(*) FROM synth_training_split('2025-12-01 00:00:00+00', 'split_world') WHERE split = 'test')
     = count(*) FILTER (WHERE r.transaction_timestamp >= '2025-12-01') AS test_is_everything_after
FROM split_world.generated_records r JOIN split_world.evaluation_metadata m USING (record_id);

\set VERBOSITY terse
SELECT count(*) FROM synth_training_split(NULL, 'split');
SELECT count(*) FROM synth_training_split('2025-12-01', 'no_such_schema');
\set VERBOSITY default
SET client_min_messages = warning;
DROP SCHEMA split CASCADE;
DROP SCHEMA split_world CASCADE;
