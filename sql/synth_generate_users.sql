-- synth_generate_users(): fixed-seed output, determinism, chunk invariance, legacy mode, pattern selection.
SET timezone = 'UTC';

-- A small world, shown in full for two users.
SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn,
       available_balance, amount, merchant_risk_score, new_bank_connections, sequence_number
FROM synth_generate_users(2, seed => 42)
ORDER BY user_id, sequence_number;

-- The fraud events of a world of 100 users with fraud_rate 0.1: ten users, two per pattern.
SELECT true_fraud_type, is_fraudulent, fraud_type, transaction_timestamp, amount,
       round(amount_to_avg_ratio::numeric, 3) AS amount_ratio,
       round(balance_volatility_z_score::numeric, 3) AS balance_z,
       bank_connections_count_24h AS links_24h, is_off_hours_txn, is_returned,
       email_changed_at IS NOT NULL AS email_changed, fraud_confirmed_at
FROM synth_generate_users(100, fraud_rate => 0.1, seed => 7)
WHERE is_fraud_event
ORDER BY true_fraud_type, transaction_timestamp;

-- Exact counts: floor(1000 * 0.05) = 50 fraud users, 10 per pattern.
SELECT coalesce(true_fraud_type, '(legitimate)') AS pattern, count(DISTINCT user_id) AS users
FROM (SELECT user_id, max(true_fraud_type) AS true_fraud_type
      FROM synth_generate_users(1000, seed => 3) GROUP BY user_id) u
GROUP BY 1 ORDER BY 1;

-- Determinism: the same call twice gives the same rows.
SELECT count(*) AS differing_rows FROM (
  (SELECT * FROM synth_generate_users(300, seed => 11) EXCEPT ALL SELECT * FROM synth_generate_users(300, seed => 11))
  UNION ALL
  (SELECT * FROM synth_generate_users(300, seed => 11) EXCEPT ALL SELECT * FROM synth_generate_users(300, seed => 11))) d;

-- A different seed gives a different world.
SELECT count(*) > 0 AS seeds_differ FROM (
  SELECT record_id, amount FROM synth_generate_users(50, seed => 11)
  EXCEPT SELECT record_id, amount FROM synth_generate_users(50, seed => 12)) d;

-- Chunk invariance: users [0, 500) at once equal chunks [0, 123) + [123, 400) + [400, 500) of the same world,
-- row for row: the same rows (all columns), in the same order.
CREATE TEMP VIEW chunked AS
  SELECT c.chunk, t.*
  FROM (VALUES (1, 0, 123), (2, 123, 277), (3, 400, 100)) c(chunk, first_user, n),
       synth_generate_users(c.n, seed => 5, first_user => c.first_user, world_size => 500) WITH ORDINALITY t;
SELECT count(*) AS differing_rows FROM (
  (SELECT * FROM synth_generate_users(500, seed => 5)
   EXCEPT ALL SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn,
       available_balance, balance_to_transaction_ratio, avg_available_balance_30d, balance_volatility_z_score,
       bank_connections_count_24h, bank_connections_count_7d, bank_connections_avg_30d, amount, amount_to_avg_ratio,
       merchant_risk_score, is_returned, email_changed_at, phone_changed_at, is_fraudulent, fraud_type,
       new_bank_connections, sequence_number, fraud_confirmed_at, is_pre_fraud, days_to_fraud, is_train_eligible,
       is_fraud_event, true_fraud_type FROM chunked)
  UNION ALL
  (SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn,
       available_balance, balance_to_transaction_ratio, avg_available_balance_30d, balance_volatility_z_score,
       bank_connections_count_24h, bank_connections_count_7d, bank_connections_avg_30d, amount, amount_to_avg_ratio,
       merchant_risk_score, is_returned, email_changed_at, phone_changed_at, is_fraudulent, fraud_type,
       new_bank_connections, sequence_number, fraud_confirmed_at, is_pre_fraud, days_to_fraud, is_train_eligible,
       is_fraud_event, true_fraud_type FROM chunked
   EXCEPT ALL SELECT * FROM synth_generate_users(500, seed => 5))) d;
SELECT (SELECT string_agg(record_id, ',' ORDER BY ordinality) FROM synth_generate_users(500, seed => 5) WITH ORDINALITY)
     = (SELECT string_agg(record_id, ',' ORDER BY chunk, ordinality) FROM chunked) AS same_order;

-- One user regenerated alone equals its slice of the world.
SELECT count(*) AS differing_rows FROM (
  (SELECT * FROM synth_generate_users(1, seed => 5, first_user => 321, world_size => 500)
   EXCEPT ALL
   SELECT * FROM synth_generate_users(500, seed => 5)
   WHERE user_id = (SELECT user_id FROM synth_generate_users(1, seed => 5, first_user => 321, world_size => 500) LIMIT 1))
) d;

-- Legacy mode: one record per user; for fraud users, the fraud event.
SELECT count(*) AS records, count(DISTINCT user_id) AS users,
       count(*) FILTER (WHERE is_fraud_event) AS fraud_events, max(sequence_number) AS max_sequence
FROM synth_generate_users(200, fraud_rate => 0.1, seed => 9, legacy => true);

-- Pattern selection: fraud users dealt out over the chosen patterns only, the first getting the remainder.
SELECT true_fraud_type, count(*) AS fraud_users
FROM synth_generate_users(1000, fraud_rate => 0.007, seed => 1, patterns => ARRAY['bust_out', 'ato'])
WHERE is_fraud_event GROUP BY 1 ORDER BY 1;

-- Switching a pattern off leaves every legitimate user byte-identical.
SELECT count(*) AS differing_legitimate_rows FROM (
  SELECT * FROM synth_generate_users(400, fraud_rate => 0.05, seed => 21)
  WHERE user_id NOT IN (SELECT user_id FROM synth_generate_users(400, fraud_rate => 0.05, seed => 21) WHERE is_fraud_event)
  EXCEPT ALL
  SELECT * FROM synth_generate_users(400, fraud_rate => 0.05, seed => 21, patterns => ARRAY['ato'])) d;

-- No fraud at all.
SELECT count(*) FILTER (WHERE is_fraud_event OR true_fraud_type IS NOT NULL OR fraud_confirmed_at IS NOT NULL) AS fraud_rows
FROM synth_generate_users(100, fraud_rate => 0, seed => 1);

-- n = 0 returns nothing.
SELECT count(*) FROM synth_generate_users(0, seed => 1);

-- The planner sees the real size.
EXPLAIN (COSTS ON) SELECT * FROM synth_generate_users(1000, seed => 1);
EXPLAIN (COSTS ON) SELECT * FROM synth_generate_users(1000, seed => 1, legacy => true);

-- Usable with CREATE TABLE AS and COPY TO.
CREATE TEMP TABLE world AS SELECT * FROM synth_generate_users(20, seed => 2);
SELECT count(*) = (SELECT count(*) FROM synth_generate_users(20, seed => 2)) AS same_size FROM world;
COPY (SELECT record_id, amount FROM synth_generate_users(1, seed => 2) ORDER BY sequence_number LIMIT 3) TO STDOUT;

-- The simulation date moves the world: nothing lies after it, whatever it is.
SELECT max(transaction_timestamp) <= '2020-06-01 00:00:00+00' AS nothing_after,
       min(transaction_timestamp) >= '2020-06-01 00:00:00+00'::timestamptz - interval '180 days' AS history_window
FROM synth_generate_users(300, seed => 4, simulation_date => '2020-06-01 00:00:00+00');
