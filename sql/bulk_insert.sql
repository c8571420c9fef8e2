-- The bulk path (synth_insert_transactions): the rows equal the generator's, columns are matched by name and
-- converted, defaults fill the rest, indexes and constraints hold, and what COPY would run but this path does
-- not is refused.
SET timezone = 'UTC';
CREATE SCHEMA bulk;
CREATE TABLE bulk.transactions (
    t_id bigint PRIMARY KEY,
    cc_num varchar(19) NOT NULL,
    merchant_id varchar(16) NOT NULL,
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    ip_address inet NOT NULL,
    card_present boolean NOT NULL,
    ts timestamptz NOT NULL,
    loaded_by text NOT NULL DEFAULT 'synthgen',
    note text);
CREATE INDEX ON bulk.transactions (cc_num, ts);
SELECT synth_insert_transactions('bulk.transactions', rows => 5000, seed => 3, cards => 200);
-- Equal to the generator's rows (account_id has no column here and is skipped); defaults and NULLs filled.
SELECT count(*) AS differing FROM (
  (SELECT t_id, cc_num, merchant_id, amount, ip_address, card_present, ts FROM bulk.transactions
   EXCEPT SELECT t_id, cc_num, merchant_id, amount, ip_address, card_present, ts
          FROM synth_generate_transactions(5000, seed => 3, cards => 200))
  UNION ALL
  (SELECT t_id, cc_num, merchant_id, amount, ip_address, card_present, ts
   FROM synth_generate_transactions(5000, seed => 3, cards => 200)
   EXCEPT SELECT t_id, cc_num, merchant_id, amount, ip_address, card_present, ts FROM bulk.transactions)) d;
SELECT loaded_by, count(*), count(note) AS notes FROM bulk.transactions GROUP BY 1;
-- The indexes were maintained: index scans find every row, and the primary key refuses a second load.
SET enable_seqscan = off;
SELECT count(*) FROM bulk.transactions WHERE cc_num >= '0';
SELECT count(*) FROM bulk.transactions WHERE t_id BETWEEN 100 AND 199;
RESET enable_seqscan;
\set VERBOSITY terse
SELECT synth_insert_transactions('bulk.transactions', rows => 10, seed => 3, cards => 200);
-- Constraints are checked for every row.
ALTER TABLE bulk.transactions ADD CONSTRAINT small CHECK (amount < 1000) NOT VALID;
SELECT synth_insert_transactions('bulk.transactions', rows => 5000, seed => 3, cards => 200, tid_offset => 5000);
ALTER TABLE bulk.transactions DROP CONSTRAINT small;
-- A column too narrow for the generated values fails as an INSERT would.
CREATE TABLE bulk.narrow (t_id bigint, cc_num varchar(4));
SELECT synth_insert_transactions('bulk.narrow', rows => 1, seed => 3);
-- A column of a type the generated values do not convert to.
CREATE TABLE bulk.mistyped (t_id bigint, ts integer);
SELECT synth_insert_transactions('bulk.mistyped', rows => 1, seed => 3);
-- No column in common.
CREATE TABLE bulk.unrelated (something integer);
SELECT synth_insert_transactions('bulk.unrelated', rows => 1, seed => 3);
-- Refused: insert triggers (a foreign key is one), row-level security, views and partitioned tables.
CREATE TABLE bulk.cards (cc_num varchar(19) PRIMARY KEY);
CREATE TABLE bulk.referencing (t_id bigint, cc_num varchar(19) REFERENCES bulk.cards);
SELECT synth_insert_transactions('bulk.referencing', rows => 1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
-- (Row-level security applies to its owner when forced; superusers bypass it, as with COPY.)
CREATE ROLE regress_synthgen_loader;
GRANT USAGE ON SCHEMA bulk TO regress_synthgen_loader;
CREATE TABLE bulk.secured (t_id bigint, cc_num varchar(19));
ALTER TABLE bulk.secured OWNER TO regress_synthgen_loader;
ALTER TABLE bulk.secured ENABLE ROW LEVEL SECURITY;
ALTER TABLE bulk.secured FORCE ROW LEVEL SECURITY;
SET ROLE regress_synthgen_loader;
SELECT synth_insert_transactions('bulk.secured', rows => 1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
CREATE VIEW bulk.a_view AS SELECT 1::bigint AS t_id;
SELECT synth_insert_transactions('bulk.a_view', rows => 1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bulk.parted (t_id bigint, ts timestamptz) PARTITION BY RANGE (ts);
SELECT synth_insert_transactions('bulk.parted', rows => 1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
-- Privileges: INSERT is needed.
SET ROLE regress_synthgen_loader;
SELECT synth_insert_transactions('bulk.narrow', rows => 1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT synth_insert_transactions(NULL, rows => 1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
-- Argument errors are the generator's.
SELECT synth_insert_transactions('bulk.transactions', rows => -1, seed => 3);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- A failed load leaves nothing behind.
SELECT count(*) FROM bulk.transactions;

-- Progress: with synthgen.progress_rows set, every generator call reports NOTICEs with the rows done (the
-- detail, hidden here, gives the elapsed time and the rate); loads also show in pg_stat_progress_copy.
SET synthgen.progress_rows = 3000;
\set VERBOSITY terse
SELECT synth_insert_transactions('bulk.transactions', rows => 10000, seed => 3, cards => 2, tid_offset => 5000);
SELECT count(*) FROM synth_generate_banks(5000, seed => 1);
\set VERBOSITY default
RESET synthgen.progress_rows;
SELECT count(*) FROM synth_generate_banks(5000, seed => 1);

SET client_min_messages = warning;
DROP SCHEMA bulk CASCADE;
DROP ROLE regress_synthgen_loader;
