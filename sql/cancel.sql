-- statement_timeout stops long calls promptly (every generator checks for interrupts after every batch, and
-- none does unbounded work before its first batch), and a cancelled fill leaves nothing behind.
CREATE TABLE cancel_target (t_id bigint, cc_num text, ts timestamptz);
-- A table whose index maintenance is slow (an expensive expression, about 10 ms a row, so about 10 s for one
-- buffer of 1,000 rows): the bulk path must check for interrupts per row while it maintains the indexes.
CREATE TABLE cancel_indexed (t_id bigint);
CREATE INDEX ON cancel_indexed USING hash (((t_id + 1000003)::numeric ^ 6000));
SELECT clock_timestamp() AS started \gset
\set VERBOSITY terse
SET statement_timeout = '300ms';
SELECT count(*) FROM synth_generate_users(100000000, seed => 1);
-- The same generation as a function scan, filling its tuple store instead of streaming.
SET synthgen.stream_scans = off;
SELECT count(*) FROM synth_generate_users(100000000, seed => 1);
RESET synthgen.stream_scans;
SELECT count(*) FROM synth_seed(users => 100000000, seed => 1, drop_tables => true);
SELECT synth_insert_transactions('cancel_target', rows => 1000000000, seed => 1);
SELECT count(*) FROM synth_card_backfill(transactions => 1000000000, seed => 1);
-- The most fraud structures a graph world may hold (99,000,000 member slots): finding the chunk's members must
-- not take a pass over every slot before the first batch.
SELECT count(*) FROM synth_generate_graph_nodes(2000000, seed => 1, device_rings => 1000000, ip_clusters => 1000000,
                                                kiting_cycles => 1000000, kiting_cycle_length => 64,
                                                world_size => 100000000);
SELECT synth_insert_transactions('cancel_indexed', rows => 2000, seed => 1);
RESET statement_timeout;
\set VERBOSITY default
-- The seven calls together must end within 7 s (7 x 300 ms timeout plus cancel latency and headroom for a busy
-- machine).
SELECT clock_timestamp() - :'started'::timestamptz < interval '7 seconds' AS stopped_promptly;
-- The cancelled fills left nothing behind.
SELECT count(*) AS leftover_tables FROM pg_class
WHERE relname IN ('generated_records', 'credit_card_transactions') AND relnamespace = 'public'::regnamespace;
SELECT (SELECT count(*) FROM cancel_target) + (SELECT count(*) FROM cancel_indexed) AS leftover_rows;
DROP TABLE cancel_target, cancel_indexed;

-- A cancel takes effect while synth_generate_transactions reads card_states (an incremental fill passes one per
-- card, and a world may hold 10^8 cards). Called from the select list, the function starts with the cancel
-- already pending (its own argument sent it): with card_states it stops while reading them, before any row;
-- without them it stops after its first batch, which the progress NOTICE shows.
SET synthgen.progress_rows = 1;
\set VERBOSITY terse
SELECT synth_generate_transactions(10, seed => 1, period_start => '2026-01-01', period_end => '2026-01-08',
    card_states => CASE WHEN pg_cancel_backend(pg_backend_pid())
                        THEN ARRAY[ROW(0, '2025-12-31 00:00:00+00', '10.0.0.1', 'United States')::synth_card_state] END);
SELECT synth_generate_transactions(10, seed => 1, period_start => '2026-01-01', period_end => '2026-01-08',
    card_states => CASE WHEN pg_cancel_backend(pg_backend_pid()) THEN NULL::synth_card_state[] END);
\set VERBOSITY default
RESET synthgen.progress_rows;
