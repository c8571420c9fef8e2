-- statement_timeout stops a 100M-user call promptly (the generator checks for interrupts after every batch).
SELECT clock_timestamp() AS started \gset
\set VERBOSITY terse
SET statement_timeout = '300ms';
SELECT count(*) FROM synth_generate_users(100000000, seed => 1);
SELECT count(*) FROM synth_seed(users => 100000000, seed => 1, drop_tables => true);
RESET statement_timeout;
\set VERBOSITY default
-- Both calls together must end within 2 s (2 x 300 ms timeout plus cancel latency and headroom for a busy machine).
SELECT clock_timestamp() - :'started'::timestamptz < interval '2 seconds' AS stopped_promptly;
-- The cancelled fill left nothing behind.
SELECT count(*) AS leftover_tables FROM pg_class WHERE relname = 'generated_records' AND relnamespace = 'public'::regnamespace;
