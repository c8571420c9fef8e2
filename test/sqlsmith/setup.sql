-- The database sqlsmith runs against (test/sqlsmith/run.sh): synthgen, small sample worlds owned by the
-- non-superuser role synthgen_sqlsmith, a pool of argument values for synthgen's functions, views over its
-- generators, scalar probes of its set-returning functions (probes.sql), the catalog views that steer sqlsmith,
-- and the restrictions that keep random calls from hurting the run. Runs as a superuser in the new database;
-- the role and the database come from run.sh. Takes about a second.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET timezone = 'UTC';

CREATE EXTENSION synthgen;

-- Functions that would end or stall the role's own sessions rather than test anything: signalling a backend
-- (its own, found through pg_stat_activity) and sleeping until the timeout. Everything else the role may call
-- is either harmless or rolled back, since sqlsmith runs every statement in a transaction it rolls back.
-- Superuser-only functions (pg_reload_conf, lo_import, pg_read_file, pg_stat_reset...) stay refused.
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_terminate_backend(integer, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_cancel_backend(integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep(double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep_for(interval) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep_until(timestamp with time zone) FROM PUBLIC;

-- sample: the worlds; scratch: an empty schema fills may create tables in, and bulk-load targets without
-- foreign keys; "Odd ""Schema"; DROP": a hostile but existing name; generated: views over the generators;
-- probe: the scalar twins of probes.sql.
CREATE SCHEMA sample AUTHORIZATION synthgen_sqlsmith;
CREATE SCHEMA generated AUTHORIZATION synthgen_sqlsmith;
CREATE SCHEMA scratch AUTHORIZATION synthgen_sqlsmith;
CREATE SCHEMA "Odd ""Schema""; DROP" AUTHORIZATION synthgen_sqlsmith;
CREATE SCHEMA probe AUTHORIZATION synthgen_sqlsmith;

SET ROLE synthgen_sqlsmith;
SELECT users_generated, records FROM synth_seed(users => 60, seed => 42, target_schema => 'sample');
SELECT materialized FROM synth_materialize_features('sample');
SELECT nodes, edges FROM synth_seed_graph(users => 60, seed => 42, target_schema => 'sample', kiting_cycles => 2);
SELECT transaction_rows, fraud_rows
FROM synth_card_backfill(merchants => 10, banks => 5, accounts => 20, cards => 30, transactions => 300,
                         fraud_rate => 0.01, seed => 42, target_schema => 'sample');
SELECT transaction_rows FROM synth_card_incremental(period_end => '2026-01-03', transactions => 60,
                                                     target_schema => 'sample');

-- Relations the bulk path must load or refuse: copies without foreign keys, a view, a partitioned table.
CREATE TABLE scratch.records (LIKE sample.generated_records INCLUDING ALL);
CREATE TABLE scratch.metadata (LIKE sample.evaluation_metadata INCLUDING ALL);
CREATE TABLE scratch.transactions (LIKE sample.credit_card_transactions INCLUDING ALL);
CREATE TABLE scratch.cards (LIKE sample.card_details INCLUDING ALL);
CREATE VIEW scratch.fraud_events AS SELECT * FROM sample.generated_records WHERE is_fraudulent;
CREATE TABLE scratch.partitioned (t_id bigint, cc_num text) PARTITION BY RANGE (t_id);

-- An enum, the stand-in for anyenum in sqlsmith_types.pg_type (below).
CREATE TYPE sample.pattern_name AS ENUM ('liquidity_crunch', 'link_burst', 'ato', 'bust_out', 'sleeper_ato');

-- One row per set of argument values, one column per argument type of synthgen's functions (sqlsmith passes
-- a column only where its type is exactly the parameter's): sizes small enough to finish well inside the
-- timeout, and boundary, NULL and malformed values that must fail cleanly.
CREATE TABLE sample.argument_values (
    n bigint,
    seed bigint,
    rate double precision,
    at timestamptz,
    flag boolean,
    cycle_length integer,
    patterns text[],
    schema_name name,
    servers name[],
    target regclass,
    statements text[],
    card_states synth_card_state[],
    pattern sample.pattern_name
);
INSERT INTO sample.argument_values VALUES
    (10, 42, 0.05, '2026-01-01 00:00:00+00', false, 3, '{liquidity_crunch,link_burst,ato,bust_out,sleeper_ato}',
     'sample', '{}', 'scratch.records', '{"SELECT 1"}',
     '{"(0,\"2025-12-31 12:00:00+00\",10.0.0.1,Germany)"}', 'ato'),
    (3, 7, 0.5, '2025-12-15 00:00:00+00', true, 64, '{ato}', 'scratch', '{nowhere}', 'scratch.metadata',
     '{"CREATE TABLE scratch.made_by_statement (id int)"}',
     '{"(1,\"2025-12-31 23:00:00+00\",81.2.69.160,France)","(2,\"2025-12-20 00:00:00+00\",10.1.2.3,Germany)"}',
     'bust_out'),
    (0, 0, 0, '2025-12-02 00:00:00+00', NULL, 2, '{}', '', NULL, 'scratch.transactions', '{}', '{}', NULL),
    (1, -1, 1, '2026-01-08 00:00:00+00', true, 65, '{nope}', 'missing_schema', '{nowhere,nowhere}',
     'scratch.cards', '{"not sql at all"}', '{"(0,\"2025-12-31 23:00:00+00\",::1,Germany)"}', 'link_burst'),
    (-1, 9223372036854775807, 'NaN', 'infinity', false, 0, '{ato,ato}', 'public', '{NULL}', 'scratch.fraud_events',
     '{"SELECT 1/0"}', '{"(0,\"2025-12-31 23:00:00+00\",10.0.0.1,Atlantis)"}', 'sleeper_ato'),
    (9223372036854775807, -9223372036854775808, 'Infinity', '-infinity', true, -1, '{{ato},{ato}}', 'pg_catalog',
     NULL, 'scratch.partitioned', '{NULL}', '{NULL}', 'liquidity_crunch'),
    (NULL, NULL, -0.1, '1900-01-01 00:00:00+00', false, 2147483647, '{NULL}', 'Odd "Schema"; DROP', '{}',
     'sample.credit_card_transactions', NULL, '{"(0,,,)"}', 'ato'),
    (2, 123456789, 1.5, '9999-12-31 00:00:00+00', NULL, NULL, NULL, NULL, NULL, 'pg_catalog.pg_class',
     '{"DROP TABLE sample.card_world"}', NULL, NULL),
    (25, 5, 0.0001, NULL, true, 4, '{bust_out,sleeper_ato}', 'sample', '{}', 'sample.generated_records',
     '{"SELECT 1","SELECT 2"}', '{"(-1,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)"}', 'link_burst'),
    (40, 1, 0.01, '2026-01-03 00:00:00+00', false, 5, '{link_burst}', 'scratch', '{}', 'sample.merchant_details',
     '{"ANALYZE sample.generated_records"}',
     '{"(3,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)","(3,\"2025-12-01 00:00:00+00\",10.0.0.1,Germany)"}',
     'bust_out');

-- Views over synthgen's generators with fixed, valid arguments: sqlsmith uses them like tables (in joins,
-- lateral and scalar subqueries, under FOR UPDATE and in modifying statements), so synthgen runs inside whatever
-- plan sqlsmith builds around them -- when the plan reaches them: sqlsmith's predicates on NULL constants often
-- let the planner prune a scan, and its planner support functions run for every plan all the same.
CREATE VIEW generated.users AS SELECT * FROM synth_generate_users(20, seed => 1);
CREATE VIEW generated.legacy_users AS
SELECT * FROM synth_generate_users(20, fraud_rate => 0.2, seed => 2, legacy => true, patterns => '{ato,bust_out}');
CREATE VIEW generated.users_in_chunks AS
SELECT k AS chunk, g.* FROM generate_series(0, 3) AS k,
     LATERAL synth_generate_users(5, seed => 1, first_user => 5 * k, world_size => 20) AS g;
CREATE VIEW generated.graph_nodes AS SELECT * FROM synth_generate_graph_nodes(60, seed => 1);
CREATE VIEW generated.graph_edges AS SELECT * FROM synth_generate_graph_edges(60, seed => 1, kiting_cycle_length => 4);
CREATE VIEW generated.merchants AS SELECT * FROM synth_generate_merchants(10, seed => 1);
CREATE VIEW generated.banks AS SELECT * FROM synth_generate_banks(5, seed => 1);
CREATE VIEW generated.accounts AS SELECT * FROM synth_generate_accounts(20, seed => 1);
CREATE VIEW generated.cards AS SELECT * FROM synth_generate_cards(20, seed => 1, accounts => 20, banks => 5);
CREATE VIEW generated.transactions AS
SELECT * FROM synth_generate_transactions(100, seed => 1, merchants => 10, banks => 5, accounts => 20, cards => 20);
CREATE VIEW generated.fraud AS
SELECT * FROM synth_generate_fraud(100, fraud_rate => 0.05, seed => 1, merchants => 10, banks => 5, accounts => 20,
                                   cards => 20);
-- Each sample card's state after its last legitimate transaction, and the next day continued from them.
CREATE VIEW generated.card_states AS
SELECT ROW(substr(c.card_id, 6)::bigint, l.ts, l.ip_address, m.country)::synth_card_state AS state
FROM (SELECT DISTINCT ON (t.cc_num) t.*
      FROM sample.credit_card_transactions t
      WHERE t.t_id NOT IN (SELECT f.t_id FROM sample.cc_fraud f)
      ORDER BY t.cc_num, t.ts DESC, t.t_id DESC) AS l
JOIN sample.card_details c USING (cc_num)
JOIN sample.merchant_details m USING (merchant_id);
CREATE VIEW generated.continued_transactions AS
SELECT * FROM synth_generate_transactions(40, seed => 42, merchants => 10, banks => 5, accounts => 20, cards => 30,
                                          tid_offset => 100000, period_start => '2026-01-03',
                                          period_end => '2026-01-04',
                                          card_states => ARRAY(SELECT state FROM generated.card_states));
CREATE VIEW generated.stats AS SELECT * FROM synth_stats('sample');
CREATE VIEW generated.report AS SELECT * FROM synth_report('sample');
CREATE VIEW generated.training_split AS SELECT * FROM synth_training_split('2025-12-15', 'sample');
CREATE VIEW generated.feature_queries AS
SELECT synth_feature_query('sample') AS pending_only, synth_feature_query('sample', false) AS full_history;

\ir probes.sql
RESET ROLE;

-- What sqlsmith sees of the catalog. It reads types and routines from an unqualified pg_type and pg_proc, so a
-- search_path that starts with these schemas shows it the views below instead of the catalog's own tables.
-- sqlsmith_types.pg_type: the pseudo-types sqlsmith cannot use (it writes cast(null as anyrange), which
-- PostgreSQL rejects; without the stand-ins nearly half of the queries fail on it) under the name of a concrete
-- type of that kind.
CREATE SCHEMA sqlsmith_types;
CREATE VIEW sqlsmith_types.pg_type AS
SELECT t.oid, coalesce(concrete.typname, t.typname) AS typname,
       coalesce(concrete.typnamespace, t.typnamespace) AS typnamespace,
       t.typdelim, t.typrelid, t.typelem, t.typarray, t.typtype
FROM pg_catalog.pg_type t
LEFT JOIN (VALUES ('pg_catalog.anyrange'::regtype, 'pg_catalog.tstzrange'::regtype),
                  ('pg_catalog.anycompatiblerange', 'pg_catalog.tstzrange'),
                  ('pg_catalog.anymultirange', 'pg_catalog.tstzmultirange'),
                  ('pg_catalog.anycompatiblemultirange', 'pg_catalog.tstzmultirange'),
                  ('pg_catalog.anyenum', 'sample.pattern_name')) AS stand_in (pseudo, concrete_type)
       ON stand_in.pseudo = t.oid
LEFT JOIN pg_catalog.pg_type concrete ON concrete.oid = stand_in.concrete_type;
-- sqlsmith_routines.pg_proc, for the focused run: synthgen's functions but synth_random_seed (which takes no
-- argument and would crowd out the others), the probes, and PostgreSQL's aggregates and window functions.
CREATE SCHEMA sqlsmith_routines;
CREATE VIEW sqlsmith_routines.pg_proc AS
SELECT p.* FROM pg_catalog.pg_proc p
WHERE p.prokind IN ('a', 'w')
   OR p.pronamespace = 'probe'::regnamespace
   OR (p.proname <> 'synth_random_seed'
       AND p.oid IN (SELECT d.objid FROM pg_catalog.pg_depend d
                     WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e'
                       AND d.refobjid = (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'synthgen')));
GRANT USAGE ON SCHEMA sqlsmith_types, sqlsmith_routines TO synthgen_sqlsmith;
GRANT SELECT ON sqlsmith_types.pg_type, sqlsmith_routines.pg_proc TO synthgen_sqlsmith;
