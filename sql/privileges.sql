-- A non-superuser who owns a schema can fill it; one who may not create there gets 42501 and nothing changes.
SET timezone = 'UTC';
CREATE ROLE regress_synthgen_owner LOGIN;
CREATE ROLE regress_synthgen_stranger LOGIN;
CREATE SCHEMA regress_owned AUTHORIZATION regress_synthgen_owner;

SET ROLE regress_synthgen_owner;
SELECT users_generated, records, fraud_users, seed_used
FROM synth_seed(users => 200, seed => 5, target_schema => 'regress_owned');
SELECT count(*) FROM regress_owned.generated_records;
SELECT metric, value FROM synth_stats('regress_owned') WHERE metric IN ('records', 'users');
RESET ROLE;

SELECT c.relname, pg_get_userbyid(c.relowner) AS owner
FROM pg_class c WHERE c.relnamespace = 'regress_owned'::regnamespace AND c.relkind = 'r' ORDER BY 1;

SET ROLE regress_synthgen_stranger;
\set VERBOSITY terse
SELECT * FROM synth_seed(users => 10, seed => 5, target_schema => 'regress_owned', drop_tables => true);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM synth_init('regress_owned', drop_existing => true);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- The generator itself needs no privilege beyond EXECUTE.
SELECT count(*) FROM synth_generate_users(10, seed => 5);
RESET ROLE;
SELECT count(*) FROM regress_owned.generated_records;

-- Materialising features: a stranger without privileges gets 42501; granted SELECT and INSERT (but not
-- ownership, so no bulk path) the same call works, maintaining the indexes row by row.
SET ROLE regress_synthgen_stranger;
\set VERBOSITY terse
SELECT materialized FROM synth_materialize_features('regress_owned');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
RESET ROLE;
GRANT USAGE ON SCHEMA regress_owned TO regress_synthgen_stranger;
GRANT SELECT ON ALL TABLES IN SCHEMA regress_owned TO regress_synthgen_stranger;
GRANT INSERT ON regress_owned.feature_snapshots TO regress_synthgen_stranger;
SET ROLE regress_synthgen_stranger;
SELECT materialized, users FROM synth_materialize_features('regress_owned');
RESET ROLE;

-- Hostile schema names are quoted, never spliced.
CREATE SCHEMA "we""ird; DROP TABLE x; --" AUTHORIZATION regress_synthgen_owner;
SET ROLE regress_synthgen_owner;
SELECT users_generated, records FROM synth_seed(users => 3, seed => 1, target_schema => 'we"ird; DROP TABLE x; --');
RESET ROLE;
SELECT count(*) FROM "we""ird; DROP TABLE x; --".generated_records;
SET ROLE regress_synthgen_owner;
SELECT materialized FROM synth_materialize_features('we"ird; DROP TABLE x; --');
RESET ROLE;

-- The other fillers work for the owner too (the card world, its incremental append, the graph world, the split
-- and the report), and the tables are the owner's; the stranger gets 42501 from each filler and nothing changes.
SET ROLE regress_synthgen_owner;
SELECT merchant_rows, card_rows, transaction_rows, seed_used
FROM synth_card_backfill(merchants => 20, banks => 5, accounts => 50, cards => 80, transactions => 2000, seed => 5,
                         target_schema => 'regress_owned');
SELECT transaction_rows > 0 AS appended
FROM synth_card_incremental('2026-01-02 00:00:00+00', transactions => 100, target_schema => 'regress_owned');
SELECT nodes, edges FROM synth_seed_graph(users => 200, seed => 5, target_schema => 'regress_owned');
SELECT split, count(*) FROM synth_training_split('2025-12-01 00:00:00+00', 'regress_owned') GROUP BY 1 ORDER BY 1;
SELECT count(*) > 0 AS report_rows FROM synth_report('regress_owned');
RESET ROLE;
SELECT count(*) AS tables_not_owned FROM pg_class
WHERE relnamespace = 'regress_owned'::regnamespace AND relkind = 'r' AND relowner <> 'regress_synthgen_owner'::regrole;

SET ROLE regress_synthgen_stranger;
\set VERBOSITY terse
SELECT * FROM synth_card_backfill(merchants => 2, banks => 2, accounts => 2, cards => 2, transactions => 10, seed => 1,
                                  target_schema => 'regress_owned', drop_tables => true);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM synth_card_incremental('2026-01-03 00:00:00+00', transactions => 10, target_schema => 'regress_owned');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM synth_seed_graph(users => 30, seed => 1, target_schema => 'regress_owned', drop_tables => true);
\echo :LAST_ERROR_SQLSTATE
-- The bulk loaders need INSERT on their target, as COPY does.
SELECT synth_insert_graph_nodes('regress_owned.graph_nodes', 10, seed => 99);
\echo :LAST_ERROR_SQLSTATE
SELECT synth_insert_merchants('regress_owned.merchant_details', 10, seed => 99, first_merchant => 1000);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
RESET ROLE;
SELECT (SELECT count(*) FROM regress_owned.graph_nodes) AS graph_nodes,
       (SELECT count(*) FROM regress_owned.merchant_details) AS merchants,
       (SELECT count(*) FROM regress_owned.credit_card_transactions) > 2000 AS transactions_kept;

SET client_min_messages = warning;
DROP SCHEMA regress_owned CASCADE;
DROP SCHEMA "we""ird; DROP TABLE x; --" CASCADE;
DROP ROLE regress_synthgen_owner;
DROP ROLE regress_synthgen_stranger;
