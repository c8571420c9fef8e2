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
-- The entity loaders give the generators' rows too. A column wider than the values' bound (varchar(40) for
-- card numbers) takes them as they are; a narrower numeric rounds them, as an INSERT would.
CREATE TABLE bulk.cards_wide (card_id varchar(40), cc_num varchar(40), account_id text, bank_id varchar(16),
                              issue_date timestamptz, card_type text, status_updated boolean);
SELECT synth_insert_cards('bulk.cards_wide', 300, seed => 3, accounts => 50, banks => 7);
SELECT count(*) AS differing FROM (
  (TABLE bulk.cards_wide
   EXCEPT SELECT card_id, cc_num, account_id, bank_id, issue_date, card_type, status_updated
          FROM synth_generate_cards(300, seed => 3, accounts => 50, banks => 7))
  UNION ALL
  (SELECT card_id, cc_num, account_id, bank_id, issue_date, card_type, status_updated
   FROM synth_generate_cards(300, seed => 3, accounts => 50, banks => 7)
   EXCEPT TABLE bulk.cards_wide)) d;
CREATE TABLE bulk.merchants_rounded (merchant_id text, cnt_chrgeback_prev_day numeric(6,1));
SELECT synth_insert_merchants('bulk.merchants_rounded', 40, seed => 3, first_merchant => 10);
SELECT count(*) AS rows, count(*) FILTER (WHERE m.cnt_chrgeback_prev_day = round(g.cnt_chrgeback_prev_day, 1)) AS rounded
FROM bulk.merchants_rounded m JOIN synth_generate_merchants(40, seed => 3, first_merchant => 10) g USING (merchant_id);
CREATE TABLE bulk.accounts (account_id varchar(16) PRIMARY KEY, end_date timestamptz, home_country text);
SELECT synth_insert_accounts('bulk.accounts', 500, seed => 3);
SELECT count(*) AS differing FROM (
  (TABLE bulk.accounts EXCEPT SELECT account_id, end_date, home_country FROM synth_generate_accounts(500, seed => 3))
  UNION ALL
  (SELECT account_id, end_date, home_country FROM synth_generate_accounts(500, seed => 3) EXCEPT TABLE bulk.accounts)) d;
SELECT count(*) > count(end_date) AS some_accounts_closed FROM bulk.accounts;
CREATE TABLE bulk.banks (bank_id varchar(16), credit_rating smallint);
SELECT synth_insert_banks('bulk.banks', 20, seed => 3);
SELECT count(*), min(credit_rating) >= 1 AND max(credit_rating) <= 10 AS ratings_in_range FROM bulk.banks;
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
CREATE TABLE bulk.short (cc_num varchar(18));
SELECT synth_insert_cards('bulk.short', 1, seed => 3);
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
