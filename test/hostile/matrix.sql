-- The hostile-input matrix: for every function of the extension (but the planner support functions), at least
-- 200 calls with NULLs, zeros, negatives, 2^31, 2^63-1, NaN, infinities, rates outside [0, 1], empty and absurd
-- strings and arrays, hostile and over-long identifiers, missing schemas, reversed and out-of-range dates, and
-- tables the bulk path must refuse. Each call is one statement with a 200 ms statement_timeout, marked
-- "/* call N function */"; test/hostile/check.pl reads psql's output and judges every outcome.
SET client_min_messages = error;
SET timezone = 'UTC';
CREATE EXTENSION synthgen;
CREATE EXTENSION dblink;
CREATE EXTENSION postgres_fdw;
-- A foreign server nobody listens on, for synth_seed_distributed.
CREATE SERVER hostile_one FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '1', dbname 'none');
CREATE USER MAPPING FOR CURRENT_USER SERVER hostile_one OPTIONS (user 'postgres');
CREATE SCHEMA hostile;
CREATE SCHEMA "Hostile ""Sch; DROP";
-- Targets for the bulk path: a plain table with a text column of every generated name, and tables it refuses.
CREATE TABLE hostile.plain (t_id text, cc_num text, account_id text, merchant_id text, bank_id text, card_id text,
                            record_id text, user_id text, amount text, ts text, name text);
CREATE VIEW hostile.a_view AS SELECT * FROM hostile.plain;
CREATE TABLE hostile.parted (t_id bigint) PARTITION BY RANGE (t_id);
CREATE TABLE hostile.keys (cc_num text PRIMARY KEY);
CREATE TABLE hostile.with_fk (t_id bigint, cc_num text REFERENCES hostile.keys);
CREATE TABLE hostile.narrow (t_id smallint, cc_num varchar(3), record_id varchar(2), name varchar(1));

CREATE TEMP TABLE pool (type text, value text);
INSERT INTO pool
SELECT 'bigint', unnest('{NULL,0,-1,1,3,100,2147483648,9223372036854775807,-9223372036854775808,1000000000000,1000000000001}'::text[])
UNION ALL SELECT 'integer', unnest('{NULL,0,-1,1,2147483647,-2147483648}'::text[])
UNION ALL SELECT 'double precision', unnest(ARRAY['NULL', '0', '-1', '0.05', '1', '2', '''NaN''', '''Infinity''',
                                                 '''-Infinity''', '1e-300', '1e308'])
UNION ALL SELECT 'boolean', unnest('{NULL,true,false}'::text[])
UNION ALL SELECT 'name', unnest(ARRAY['NULL', '''''', '''public''', '''hostile''', '''no_such_schema''',
                                      quote_literal(repeat('s', 63)), '''pg_catalog''', '''information_schema''', quote_literal('o''brien'),
                                      quote_literal('Hostile "Sch; DROP')])
UNION ALL SELECT 'timestamp with time zone', unnest(ARRAY['NULL', '''-infinity''', '''infinity''',
                                      '''4713-01-01 00:00:00+00 BC''', '''294276-12-31 00:00:00+00''',
                                      '''1899-12-31 00:00:00+00''', '''1970-01-01 00:00:00+00''',
                                      '''2025-12-02 00:00:00+00''', '''2026-01-01 00:00:00+00''',
                                      '''2026-02-01 00:00:00+00''', '''9999-12-31 00:00:00+00'''])
UNION ALL SELECT 'text[]', unnest(ARRAY['NULL', '''{}''', '''{NULL}''', '''{ato}''', '''{ato,ato}''', '''{bogus}''',
                                        '''{{ato},{ato}}''', quote_literal(ARRAY[repeat('x', 100000)]::text),
                                        quote_literal(array_fill('ato'::text, ARRAY[1000])::text)])
UNION ALL SELECT 'name[]', unnest(ARRAY['NULL', '''{}''', '''{NULL}''', '''{nowhere}''', '''{nowhere,nowhere}''',
                                        '''{hostile_one}''', '''{hostile_one,hostile_one}''', '''{hostile_one,nowhere}''',
                                        quote_literal(ARRAY[repeat('n', 63)]::text)])
UNION ALL SELECT 'regclass', unnest(ARRAY['NULL', '''pg_class''', '''hostile.plain''', '''hostile.a_view''',
                                          '''hostile.parted''', '''hostile.with_fk''', '''hostile.narrow''', '''0'''])
UNION ALL SELECT 'synth_card_state[]', unnest(ARRAY['NULL', '''{}''',
        quote_literal('{"(0,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)"}'),
        quote_literal('{"(0,\"2025-12-01 00:00:00+00\",10.0.0.1,Atlantis)"}'),
        quote_literal('{"(-1,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)"}'),
        quote_literal('{"(0,,,)"}'), quote_literal('{NULL}'),
        quote_literal('{"(0,\"2025-12-01 00:00:00+00\",::1,Germany)"}'),
        quote_literal('{"(0,infinity,10.0.0.1,Germany)"}'),
        quote_literal('{"(3,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)","(3,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)"}'),
        quote_literal('{"(9223372036854775807,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)"}')]);
UPDATE pool SET value = 'NULL' WHERE value IS NULL;
-- synth_run_statements runs what it is given, as its caller: its statements are harmless ones and broken ones.
CREATE TEMP TABLE statements_pool (value text);
INSERT INTO statements_pool VALUES ('NULL'), ('''{}'''), ('''{NULL}'''), (quote_literal('{"SELECT 1"}')),
    (quote_literal('{"not sql at all"}')), (quote_literal('{"SELECT 1/0"}')), (quote_literal(array_fill('SELECT 1'::text, ARRAY[300])::text));

-- A value every required argument can take, so that a call reaches the argument under test.
CREATE TEMP TABLE benign (type text PRIMARY KEY, value text);
INSERT INTO benign VALUES ('bigint', '10'), ('integer', '1'), ('double precision', '0.05'), ('boolean', 'false'),
    ('name', '''hostile'''), ('timestamp with time zone', '''2026-02-01 00:00:00+00'''), ('text[]', '''{}'''),
    ('name[]', '''{hostile_one}'''), ('regclass', '''hostile.plain'''), ('synth_card_state[]', 'NULL');

-- The values an argument is tried with.
CREATE FUNCTION pg_temp.pool_for(function_name name, type text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT value FROM pool WHERE pool.type = pool_for.type AND function_name <> 'synth_run_statements'
    UNION ALL
    SELECT value FROM statements_pool WHERE function_name = 'synth_run_statements'
$$;

CREATE TEMP TABLE calls (n serial, function_name text, statement text);
DO $$
DECLARE
    f record;
    i integer;
    v text;
    arguments text[];
    made integer;
    required integer;
BEGIN
    PERFORM setseed(0.4242);
    FOR f IN
        SELECT p.proname, p.pronargs, p.pronargdefaults, p.proargnames,
               array(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) t) AS types
        FROM pg_proc p
        JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
        JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'synthgen'
        WHERE NOT ('internal'::regtype = ANY (p.proargtypes::regtype[]))
        ORDER BY p.proname
    LOOP
        required := f.pronargs - f.pronargdefaults;
        made := 0;
        -- Every value of every argument's pool once, the other arguments benign or left to their defaults ...
        FOR i IN 1 .. f.pronargs LOOP
            FOR v IN SELECT pg_temp.pool_for(f.proname, f.types[i]) LOOP
                arguments := array(SELECT format('%I => %s', f.proargnames[j],
                                                 CASE WHEN j = i THEN v ELSE (SELECT value FROM benign WHERE type = f.types[j]) END)
                                   FROM generate_series(1, f.pronargs) j
                                   WHERE j = i OR j <= required);
                INSERT INTO calls (function_name, statement)
                VALUES (f.proname, format('SELECT count(*) FROM public.%I(%s)', f.proname, array_to_string(arguments, ', ')));
                made := made + 1;
            END LOOP;
        END LOOP;
        -- ... then random combinations until the function has 200 calls.
        WHILE made < 200 LOOP
            arguments := array(
                SELECT format('%I => %s', f.proargnames[j], chosen)
                FROM generate_series(1, f.pronargs) j,
                     LATERAL (SELECT CASE WHEN random() < 0.5
                                          THEN (SELECT o FROM pg_temp.pool_for(f.proname, f.types[j]) o ORDER BY random() LIMIT 1)
                                          WHEN j <= required THEN (SELECT value FROM benign WHERE type = f.types[j])
                                     END AS chosen) c
                WHERE chosen IS NOT NULL);
            INSERT INTO calls (function_name, statement)
            VALUES (f.proname, format('SELECT count(*) FROM public.%I(%s)', f.proname, array_to_string(arguments, ', ')));
            made := made + 1;
        END LOOP;
    END LOOP;
END
$$;

SET statement_timeout = '200ms';
SELECT format('/* call %s %s */ %s', n, function_name, statement) FROM calls ORDER BY n \gexec
RESET statement_timeout;
SELECT count(*) AS total_calls, count(DISTINCT function_name) AS total_functions FROM calls \gset
\echo matrix done: :total_calls calls over :total_functions functions
