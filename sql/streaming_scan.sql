-- The SynthgenStream scan: a generator function in FROM streams its rows batch by batch instead of filling a
-- tuple store first. Where it applies, what it returns (exactly the function scan's rows, in the same order, for
-- every generator) and how it behaves under rescans, parallel plans, cursors, prepared statements and LIMIT.
SET timezone = 'UTC';

-- Plans: the stream for scans with filters and projections, for INSERT ... SELECT and in UNION ALL.
EXPLAIN (COSTS OFF) SELECT count(*) FROM synth_generate_users(1000, seed => 1);
EXPLAIN (VERBOSE, COSTS OFF)
SELECT record_id, amount * 2 AS doubled FROM synth_generate_users(10, seed => 1) u WHERE amount > 100;
CREATE TEMP TABLE streamed_cards AS SELECT * FROM synth_generate_cards(0, seed => 1);
EXPLAIN (COSTS OFF) INSERT INTO streamed_cards SELECT * FROM synth_generate_cards(10, seed => 1);
-- Each branch of a UNION ALL streams.
EXPLAIN (COSTS OFF) SELECT count(*) FROM (SELECT * FROM synth_generate_users(10, seed => 1)
                                          UNION ALL SELECT * FROM synth_generate_users(10, seed => 2)) s;
-- The function scan where the stream does not apply: a whole-row reference, WITH ORDINALITY, a LATERAL argument,
-- the rows of UPDATE ... FROM, and the setting off.
EXPLAIN (COSTS OFF) SELECT u FROM synth_generate_users(10, seed => 1) u;
EXPLAIN (COSTS OFF) SELECT * FROM synth_generate_users(10, seed => 1) WITH ORDINALITY;
EXPLAIN (COSTS OFF) SELECT * FROM generate_series(1, 3) g, LATERAL synth_generate_users(g, seed => 1);
EXPLAIN (COSTS OFF) UPDATE streamed_cards s SET status = c.status FROM synth_generate_cards(10, seed => 1) c
WHERE c.card_id = s.card_id;
SET synthgen.stream_scans = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM synth_generate_users(1000, seed => 1);
RESET synthgen.stream_scans;
-- synth_generate_fraud has a row estimate (its exact count), like every other generator.
EXPLAIN SELECT * FROM synth_generate_fraud(seed => 1);
SELECT count(*) FROM synth_generate_fraud(seed => 1);

-- The same rows, in the same order, as the function scan: every column of every generator, over several
-- batches where the generator's batches are small enough.
-- digest(): an md5 of every column of every row, in the order the query returns them; scan(): the plan's scan.
CREATE FUNCTION pg_temp.digest(query text, stream boolean) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    PERFORM set_config('synthgen.stream_scans', stream::text, true);
    EXECUTE format('SELECT count(*) || '' rows '' || md5(string_agg(ROW(t.*)::text, E''\n'')) FROM (%s) t', query)
    INTO result;
    PERFORM set_config('synthgen.stream_scans', 'on', true);
    RETURN result;
END
$$;
CREATE FUNCTION pg_temp.scan(query text, stream boolean) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    PERFORM set_config('synthgen.stream_scans', stream::text, true);
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
        IF line ~ 'SynthgenStream|Function Scan on synth_' THEN
            PERFORM set_config('synthgen.stream_scans', 'on', true);
            RETURN trim(replace(line, '->', ''));
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
CREATE TEMP TABLE generator_calls (query text);
INSERT INTO generator_calls VALUES
    ('SELECT * FROM synth_generate_users(1000, fraud_rate => 0.2, seed => 3)'),
    ('SELECT * FROM synth_generate_users(50, seed => 3, legacy => true, first_user => 20, world_size => 100)'),
    ('SELECT * FROM synth_generate_merchants(500, seed => 3)'),
    ('SELECT * FROM synth_generate_banks(100, seed => 3)'),
    ('SELECT * FROM synth_generate_accounts(5000, seed => 3)'),
    ('SELECT * FROM synth_generate_cards(5000, seed => 3, accounts => 5000, banks => 100)'),
    ('SELECT * FROM synth_generate_transactions(20000, seed => 3, merchants => 500, banks => 100, accounts => 5000, cards => 5000)'),
    ('SELECT * FROM synth_generate_transactions(3000, seed => 5, merchants => 200, banks => 100, accounts => 1000, cards => 300, tid_offset => 30000, period_start => ''2026-01-01'', period_end => ''2026-01-11'', card_states => ARRAY(SELECT ROW(c, ''2025-12-31 20:00''::timestamptz, ''10.1.2.3''::inet, ''United States'')::synth_card_state FROM generate_series(0, 299, 2) c))'),
    ('SELECT * FROM synth_generate_fraud(legit_rows => 20000, fraud_rate => 0.01, seed => 3, merchants => 500, banks => 100, accounts => 5000, cards => 5000)'),
    ('SELECT * FROM synth_generate_graph_nodes(2000, seed => 3)'),
    ('SELECT * FROM synth_generate_graph_edges(2000, seed => 3)'),
    ('SELECT * FROM synth_generate_users(300, seed => 3, world_size => 500) UNION ALL SELECT * FROM synth_generate_users(200, seed => 3, first_user => 300, world_size => 500)');
SELECT substring(query FROM 'synth_generate_[a-z_]+') AS generator, pg_temp.scan(query, true) AS streamed_plan,
       pg_temp.scan(query, false) AS materialised_plan,
       pg_temp.digest(query, true) = pg_temp.digest(query, false) AS same_rows,
       split_part(pg_temp.digest(query, true), ' ', 1)::bigint > 0 AS has_rows
FROM generator_calls;
-- The function scan's whole-row text equals the stream's column by column.
SELECT (SELECT md5(string_agg(u::text, E'\n')) FROM synth_generate_users(200, seed => 3) u) =
       (SELECT md5(string_agg(ROW(u.*)::text, E'\n')) FROM synth_generate_users(200, seed => 3) u) AS same_text;

-- LIMIT stops the generation: 5 rows of a world of 10^8 users, at once (the function scan would generate the
-- whole world first; the timeout would cancel it).
SET statement_timeout = '5s';
SELECT count(*) FROM (SELECT * FROM synth_generate_users(100000000, seed => 1) LIMIT 5) s;
RESET statement_timeout;

-- Rescans. With new argument values (a correlated subquery) the generator starts again from them:
SELECT g, (SELECT count(*) FROM synth_generate_users(g, seed => 1)) AS streamed,
       (SELECT count(*) FROM synth_generate_users(g, seed => 1) u WHERE u::text <> '') AS materialised
FROM generate_series(1, 4) g;
-- without, it starts again from the same argument values, and a NULL seed keeps the seed it drew, so every rescan
-- returns the same rows (as the function scan's tuple store does).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_material = off;
EXPLAIN (COSTS OFF) SELECT * FROM generate_series(1, 3) g CROSS JOIN synth_generate_users(5) u;
SET client_min_messages = warning;  -- the NOTICE of the drawn seed
SELECT count(*) AS rows, count(DISTINCT u.record_id) AS distinct_records
FROM generate_series(1, 3) g CROSS JOIN synth_generate_users(5) u \gset
RESET client_min_messages;
SELECT :rows = 3 * :distinct_records AS same_rows_each_time, :distinct_records > 0 AS has_rows;
-- The same holds for a volatile argument: it is evaluated once, not at every rescan.
SELECT count(*) = 4 * count(DISTINCT u.record_id) AS same_rows_each_time
FROM generate_series(1, 4) g CROSS JOIN synth_generate_users((1 + random() * 50)::bigint, seed => 1) u;
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_material;

-- In a parallel worker (the plan's methods are found by name there) the rows are the same.
SET force_parallel_mode = on;
EXPLAIN (COSTS OFF) SELECT sum(amount) FROM synth_generate_users(1000, seed => 1);
SELECT sum(amount) AS parallel_sum FROM synth_generate_users(1000, seed => 1);
RESET force_parallel_mode;
SELECT sum(amount) AS serial_sum FROM synth_generate_users(1000, seed => 1);

-- A scrollable cursor reads backwards (PostgreSQL materialises the stream for it).
BEGIN;
DECLARE records SCROLL CURSOR FOR SELECT sequence_number, record_id FROM synth_generate_users(1, seed => 1);
FETCH 3 FROM records;
FETCH BACKWARD 2 FROM records;
COMMIT;

-- A prepared statement's generic plan evaluates its parameters at each execution.
PREPARE world_size(bigint) AS SELECT count(*) FROM synth_generate_users($1, seed => 1);
SET plan_cache_mode = force_generic_plan;
EXECUTE world_size(10);
EXECUTE world_size(20);
RESET plan_cache_mode;
DEALLOCATE world_size;

-- Bad arguments raise the function's own errors (cancels: cancel.sql).
SELECT count(*) FROM synth_generate_users(NULL);
SELECT count(*) FROM synth_generate_cards(-1);
