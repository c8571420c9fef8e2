-- The behavioural fields are truthful: each equals the documented window-function query over the stored rows.
SET timezone = 'UTC';
CREATE TEMP TABLE w AS SELECT * FROM synth_generate_users(2000, fraud_rate => 0.1, seed => 77);

CREATE TEMP VIEW recomputed AS
SELECT record_id,
       round(avg(available_balance) OVER last_30d, 2) AS avg_balance_30d,
       coalesce((available_balance - avg(available_balance) OVER last_30d)
                / nullif(stddev_samp(available_balance) OVER last_30d, 0), 0)::double precision AS balance_z,
       coalesce(amount / avg(amount) OVER earlier_30d, 1)::double precision AS amount_ratio,
       sum(new_bank_connections) OVER last_24h AS links_24h,
       sum(new_bank_connections) OVER last_7d AS links_7d,
       sum(new_bank_connections) OVER last_30d / 30.0 AS links_avg_30d,
       (available_balance / amount)::double precision AS balance_ratio,
       row_number() OVER (PARTITION BY user_id ORDER BY transaction_timestamp) AS sequence,
       lag(transaction_timestamp) OVER (PARTITION BY user_id ORDER BY transaction_timestamp) AS previous_time
FROM w
WINDOW last_30d AS (PARTITION BY user_id ORDER BY transaction_timestamp RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW),
       earlier_30d AS (PARTITION BY user_id ORDER BY transaction_timestamp RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW),
       last_7d AS (PARTITION BY user_id ORDER BY transaction_timestamp RANGE BETWEEN '7 days' PRECEDING AND CURRENT ROW),
       last_24h AS (PARTITION BY user_id ORDER BY transaction_timestamp RANGE BETWEEN '24 hours' PRECEDING AND CURRENT ROW);

SELECT count(*) AS records,
       count(*) FILTER (WHERE w.avg_available_balance_30d <> r.avg_balance_30d) AS avg_balance_mismatches,
       count(*) FILTER (WHERE abs(w.balance_volatility_z_score - r.balance_z) > 1e-9) AS z_mismatches,
       count(*) FILTER (WHERE abs(w.amount_to_avg_ratio - r.amount_ratio) > 1e-9 * r.amount_ratio) AS ratio_mismatches,
       count(*) FILTER (WHERE w.bank_connections_count_24h <> r.links_24h) AS links_24h_mismatches,
       count(*) FILTER (WHERE w.bank_connections_count_7d <> r.links_7d) AS links_7d_mismatches,
       count(*) FILTER (WHERE abs(w.bank_connections_avg_30d - r.links_avg_30d) > 1e-12) AS links_avg_mismatches,
       count(*) FILTER (WHERE abs(w.balance_to_transaction_ratio - r.balance_ratio) > 1e-9 * abs(r.balance_ratio)) AS balance_ratio_mismatches,
       count(*) FILTER (WHERE w.sequence_number <> r.sequence) AS sequence_mismatches,
       count(*) FILTER (WHERE w.transaction_timestamp <= r.previous_time) AS non_increasing_times,
       count(*) FILTER (WHERE w.is_off_hours_txn <> (extract(hour FROM w.transaction_timestamp) >= 22
                                                     OR extract(hour FROM w.transaction_timestamp) < 6)) AS off_hours_mismatches,
       count(*) FILTER (WHERE w.transaction_timestamp > '2026-01-01 00:00:00+00') AS after_simulation_date
FROM w JOIN recomputed r USING (record_id);

-- The fraud indicators hold on every fraud event of the world.
SELECT true_fraud_type,
       count(*) AS events,
       count(*) FILTER (WHERE CASE true_fraud_type
           WHEN 'liquidity_crunch' THEN balance_volatility_z_score < -2.5 AND is_returned AND available_balance <= 100
                                        AND amount > available_balance
           WHEN 'link_burst' THEN bank_connections_count_24h BETWEEN 5 AND 15
           WHEN 'ato' THEN amount_to_avg_ratio > 5 AND is_off_hours_txn
                           AND transaction_timestamp - coalesce(email_changed_at, phone_changed_at) BETWEEN '1 hour' AND '72 hours'
           WHEN 'bust_out' THEN amount_to_avg_ratio > 5
           WHEN 'sleeper_ato' THEN is_off_hours_txn
                           AND transaction_timestamp - email_changed_at BETWEEN '1 hour' AND '72 hours'
                           AND amount >= 3.5 * (SELECT avg(b.amount) FROM w b WHERE b.user_id = w.user_id
                                                 AND b.transaction_timestamp < w.transaction_timestamp)
                           AND (available_balance <= 0 OR amount >= 0.7 * available_balance)
       END) AS indicator_holds
FROM w WHERE is_fraud_event GROUP BY 1 ORDER BY 1;

-- Sleepers: 30+ days dormant, then 3+ new bank connections within one hour before the debit.
SELECT count(*) AS sleepers,
       count(*) FILTER (WHERE links_last_hour >= 3) AS burst_within_hour,
       count(*) FILTER (WHERE dormant >= interval '30 days') AS dormant_30_days
FROM (
  SELECT e.user_id,
         (SELECT sum(new_bank_connections) FROM w b WHERE b.user_id = e.user_id
            AND b.transaction_timestamp >= e.transaction_timestamp - interval '1 hour'
            AND b.transaction_timestamp <= e.transaction_timestamp) AS links_last_hour,
         (SELECT max(gap) FROM (SELECT transaction_timestamp - lag(transaction_timestamp) OVER (ORDER BY transaction_timestamp) AS gap
                                FROM w b WHERE b.user_id = e.user_id AND b.transaction_timestamp <= e.transaction_timestamp) g) AS dormant
  FROM w e WHERE e.is_fraud_event AND e.true_fraud_type = 'sleeper_ato') s;

-- Bust-out: 20-50 records before the spike, and the spike above 5x the running average.
SELECT count(*) AS bust_outs,
       count(*) FILTER (WHERE earlier BETWEEN 20 AND 50) AS build_up_20_to_50,
       count(*) FILTER (WHERE amount > 5 * running_average) AS spike_above_5x
FROM (
  SELECT e.amount,
         (SELECT count(*) FROM w b WHERE b.user_id = e.user_id AND b.transaction_timestamp < e.transaction_timestamp) AS earlier,
         (SELECT avg(amount) FROM w b WHERE b.user_id = e.user_id AND b.transaction_timestamp < e.transaction_timestamp) AS running_average
  FROM w e WHERE e.is_fraud_event AND e.true_fraud_type = 'bust_out') s;

-- Labels: observed only once confirmed by the simulation date; the ground truth keeps the rest.
SELECT count(*) FILTER (WHERE is_fraudulent <> (is_fraud_event AND fraud_confirmed_at <= '2026-01-01 00:00:00+00')) AS label_mismatches,
       count(*) FILTER (WHERE is_fraud_event AND NOT is_fraudulent) AS undetected_events,
       count(*) FILTER (WHERE (fraud_type IS NULL) <> NOT is_fraudulent) AS type_mismatches,
       count(*) FILTER (WHERE fraud_confirmed_at IS NOT NULL
                        AND abs(days_to_fraud - extract(epoch FROM fraud_confirmed_at - transaction_timestamp) / 86400) > 1e-9) AS days_mismatches,
       count(*) FILTER (WHERE is_pre_fraud <> (fraud_confirmed_at IS NULL OR transaction_timestamp < fraud_confirmed_at)) AS pre_fraud_mismatches,
       count(*) FILTER (WHERE is_train_eligible <> is_pre_fraud OR (is_fraud_event AND NOT is_train_eligible)) AS eligibility_mismatches
FROM w;
