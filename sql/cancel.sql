-- statement_timeout stops long calls promptly (every generator checks for interrupts after every batch), and
-- a cancelled fill leaves nothing behind.
CREATE TABLE cancel_target (t_id bigint, cc_num text, ts timestamptz);
SELECT clock_timestamp() AS started \gset
\set VERBOSITY terse
SET statement_timeout = '300ms';
SELECT count(*) FROM synth_generate_users(100000000, seed => 1);
SELECT count(*) FROM synth_seed(users => 100000000, seed => 1, drop_tables => true);
SELECT synth_insert_transactions('cancel_target', rows => 1000000000, seed => 1);
SELECT count(*) FROM synth_card_backfill(transactions => 1000000000, seed => 1);
RESET statement_timeout;
\set VERBOSITY default
-- The four calls together must end within 4 s (4 x 300 ms timeout plus cancel latency and headroom for a busy
-- machine).
SELECT clock_timestamp() - :'started'::timestamptz < interval '4 seconds' AS stopped_promptly;
-- The cancelled fills left nothing behind.
SELECT count(*) AS leftover_tables FROM pg_class
WHERE relname IN ('generated_records', 'credit_card_transactions') AND relnamespace = 'public'::regnamespace;
SELECT count(*) AS leftover_rows FROM cancel_target;
DROP TABLE cancel_target;
