-- The card world in tables: synth_card_backfill and synth_card_incremental into schemas of their own. Their
-- summaries, the tables, indexes and keys they leave, equality with the generators, replacing a world,
-- periods appended after it, determinism, and errors.
SET timezone = 'UTC';
CREATE SCHEMA regress_cards;
SELECT merchant_rows, bank_rows, account_rows, card_rows, transaction_rows, fraud_rows, chain_attacks,
       geographic_pairs, seed_used
FROM synth_card_backfill(merchants => 60, banks => 20, accounts => 300, cards => 600, transactions => 20000,
                         fraud_rate => 0.005, seed => 11, target_schema => 'regress_cards');
SELECT * FROM regress_cards.card_world;
SELECT 'merchant_details' AS table_name, count(*) FROM regress_cards.merchant_details
UNION ALL SELECT 'bank_details', count(*) FROM regress_cards.bank_details
UNION ALL SELECT 'account_details', count(*) FROM regress_cards.account_details
UNION ALL SELECT 'card_details', count(*) FROM regress_cards.card_details
UNION ALL SELECT 'credit_card_transactions', count(*) FROM regress_cards.credit_card_transactions
UNION ALL SELECT 'cc_fraud', count(*) FROM regress_cards.cc_fraud;

-- The indexes and constraints present after the load (the transaction tables' were dropped and rebuilt).
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'regress_cards' ORDER BY indexname;
SELECT conname, conrelid::regclass AS table_name, pg_get_constraintdef(oid) AS definition
FROM pg_constraint WHERE connamespace = 'regress_cards'::regnamespace ORDER BY conname;

-- Every fraud row is a row of credit_card_transactions with the same card and time; its period is the window.
SELECT count(*) AS fraud_rows,
       count(*) FILTER (WHERE t.t_id IS NULL OR t.cc_num <> f.cc_num OR t.ts <> f.ts) AS unmatched,
       count(*) FILTER (WHERE f.period_start <> '2025-12-02') AS other_periods,
       min(f.t_id), max(f.t_id)
FROM regress_cards.cc_fraud f LEFT JOIN regress_cards.credit_card_transactions t USING (t_id);

-- The tables hold exactly what the generators return for the same world.
SELECT 'merchant_details' AS table_name, count(*) AS differences FROM (
    (SELECT * FROM regress_cards.merchant_details EXCEPT ALL SELECT * FROM synth_generate_merchants(60, seed => 11))
    UNION ALL
    (SELECT * FROM synth_generate_merchants(60, seed => 11) EXCEPT ALL SELECT * FROM regress_cards.merchant_details)) d
UNION ALL
SELECT 'bank_details', count(*) FROM (
    (SELECT * FROM regress_cards.bank_details EXCEPT ALL SELECT * FROM synth_generate_banks(20, seed => 11))
    UNION ALL
    (SELECT * FROM synth_generate_banks(20, seed => 11) EXCEPT ALL SELECT * FROM regress_cards.bank_details)) d
UNION ALL
SELECT 'account_details', count(*) FROM (
    (SELECT * FROM regress_cards.account_details EXCEPT ALL SELECT * FROM synth_generate_accounts(300, seed => 11))
    UNION ALL
    (SELECT * FROM synth_generate_accounts(300, seed => 11) EXCEPT ALL SELECT * FROM regress_cards.account_details)) d
UNION ALL
SELECT 'card_details', count(*) FROM (
    (SELECT * FROM regress_cards.card_details
     EXCEPT ALL SELECT * FROM synth_generate_cards(600, seed => 11, accounts => 300, banks => 20))
    UNION ALL
    (SELECT * FROM synth_generate_cards(600, seed => 11, accounts => 300, banks => 20)
     EXCEPT ALL SELECT * FROM regress_cards.card_details)) d
UNION ALL
SELECT 'credit_card_transactions', count(*) FROM (
    (SELECT * FROM regress_cards.credit_card_transactions
     EXCEPT ALL (SELECT * FROM synth_generate_transactions(20000, seed => 11, merchants => 60, banks => 20,
                                                           accounts => 300, cards => 600)
                 UNION ALL
                 SELECT t_id, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts
                 FROM synth_generate_fraud(20000, 0.005, 0.9, seed => 11, merchants => 60, banks => 20,
                                           accounts => 300, cards => 600)))
    UNION ALL
    ((SELECT * FROM synth_generate_transactions(20000, seed => 11, merchants => 60, banks => 20,
                                                accounts => 300, cards => 600)
      UNION ALL
      SELECT t_id, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts
      FROM synth_generate_fraud(20000, 0.005, 0.9, seed => 11, merchants => 60, banks => 20,
                                accounts => 300, cards => 600))
     EXCEPT ALL SELECT * FROM regress_cards.credit_card_transactions)) d
UNION ALL
SELECT 'cc_fraud', count(*) FROM (
    (SELECT * FROM regress_cards.cc_fraud
     EXCEPT ALL SELECT t_id, cc_num, explanation, ts, fraud_type, incident, '2025-12-02'::timestamptz
                FROM synth_generate_fraud(20000, 0.005, 0.9, seed => 11, merchants => 60, banks => 20,
                                          accounts => 300, cards => 600))
    UNION ALL
    (SELECT t_id, cc_num, explanation, ts, fraud_type, incident, '2025-12-02'::timestamptz
     FROM synth_generate_fraud(20000, 0.005, 0.9, seed => 11, merchants => 60, banks => 20,
                               accounts => 300, cards => 600)
     EXCEPT ALL SELECT * FROM regress_cards.cc_fraud)) d;

-- Digests of every table's rows in key order, to compare later fills with this one (not printed).
CREATE TEMP TABLE first_fill AS
SELECT table_name,
       md5(query_to_xml(format('SELECT * FROM regress_cards.%I ORDER BY 1', table_name), false, false, '')::text) AS digest
FROM unnest('{card_world,merchant_details,bank_details,account_details,card_details,credit_card_transactions,cc_fraud}'::text[])
     table_name;

-- A second backfill into the same schema fails (and leaves the tables alone) unless drop_tables replaces them,
-- which gives the same data.
\set VERBOSITY terse
SELECT seed_used FROM synth_card_backfill(merchants => 60, banks => 20, accounts => 300, cards => 600,
                                          transactions => 20000, fraud_rate => 0.005, seed => 11,
                                          target_schema => 'regress_cards');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
SELECT count(*) AS tables_changed FROM first_fill
WHERE digest <> md5(query_to_xml(format('SELECT * FROM regress_cards.%I ORDER BY 1', table_name), false, false, '')::text);
SELECT merchant_rows, bank_rows, account_rows, card_rows, transaction_rows, fraud_rows, chain_attacks,
       geographic_pairs, seed_used
FROM synth_card_backfill(merchants => 60, banks => 20, accounts => 300, cards => 600, transactions => 20000,
                         fraud_rate => 0.005, seed => 11, target_schema => 'regress_cards', drop_tables => true);
SELECT count(*) AS tables, count(*) FILTER (WHERE digest <> md5(query_to_xml(
           format('SELECT * FROM regress_cards.%I ORDER BY 1', table_name), false, false, '')::text)) AS tables_changed
FROM first_fill;

-- Two periods appended: [2026-01-01, 2026-01-08) and [2026-01-08, 2026-01-15), 5,000 legitimate transactions
-- each, plus their fraud (25 requested: 22 chain rows in 3 attacks and 1 pair); t_ids continue.
SELECT period_start, transaction_rows, fraud_rows, first_t_id, last_t_id
FROM synth_card_incremental('2026-01-08', transactions => 5000, fraud_rate => 0.005, target_schema => 'regress_cards');
SELECT period_start, transaction_rows, fraud_rows, first_t_id, last_t_id
FROM synth_card_incremental('2026-01-15', transactions => 5000, fraud_rate => 0.005, target_schema => 'regress_cards');
SELECT window_start, window_end, filled_until FROM regress_cards.card_world;
-- Each period's rows (legitimate and fraud) in their own t_id range and time range, with no gap in t_ids.
SELECT p.period_start, count(t.t_id) AS rows, count(f.t_id) AS fraud_rows, min(t.t_id), max(t.t_id),
       count(*) FILTER (WHERE t.ts < p.period_start OR t.ts >= p.period_end) AS outside_period,
       count(*) FILTER (WHERE f.t_id IS NOT NULL AND f.period_start <> p.period_start) AS fraud_of_other_periods
FROM (VALUES ('2025-12-02'::timestamptz, '2026-01-01'::timestamptz, 0, 20099),
             ('2026-01-01', '2026-01-08', 20100, 25123), ('2026-01-08', '2026-01-15', 25124, 30147))
     p(period_start, period_end, first_t_id, last_t_id)
JOIN regress_cards.credit_card_transactions t ON t.t_id BETWEEN p.first_t_id AND p.last_t_id
LEFT JOIN regress_cards.cc_fraud f USING (t_id)
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS rows, min(t_id), max(t_id), count(DISTINCT t_id) AS distinct_t_ids
FROM regress_cards.credit_card_transactions;
-- Over the whole table, no card's legitimate transactions change country within 6 hours (also across the
-- seams), though countries change.
WITH legit AS (
    SELECT t.t_id, t.cc_num, t.ts, m.country
    FROM regress_cards.credit_card_transactions t JOIN regress_cards.merchant_details m USING (merchant_id)
    WHERE NOT EXISTS (SELECT FROM regress_cards.cc_fraud f WHERE f.t_id = t.t_id)),
pairs AS (
    SELECT ts, country, lag(ts) OVER w AS prev_ts, lag(country) OVER w AS prev_country
    FROM legit WINDOW w AS (PARTITION BY cc_num ORDER BY ts, t_id))
SELECT count(*) FILTER (WHERE country <> prev_country AND ts - prev_ts < interval '6 hours') AS changes_within_6_hours,
       count(*) FILTER (WHERE country <> prev_country) > 1000 AS many_changes,
       count(*) FILTER (WHERE prev_ts < '2026-01-01' AND ts >= '2026-01-01' OR prev_ts < '2026-01-08' AND ts >= '2026-01-08')
           AS seam_pairs
FROM pairs;

-- Errors: a period that does not end after the last one, a schema without a card world, a NULL period_end.
CREATE SCHEMA regress_no_cards;
\set VERBOSITY terse
SELECT transaction_rows FROM synth_card_incremental('2026-01-15', transactions => 10, target_schema => 'regress_cards');
\echo :LAST_ERROR_SQLSTATE
SELECT transaction_rows FROM synth_card_incremental('2026-01-10', transactions => 10, target_schema => 'regress_cards');
\echo :LAST_ERROR_SQLSTATE
SELECT transaction_rows FROM synth_card_incremental('2026-02-01', transactions => 10, target_schema => 'regress_no_cards');
\echo :LAST_ERROR_SQLSTATE
SELECT transaction_rows FROM synth_card_incremental(NULL, transactions => 10, target_schema => 'regress_cards');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
SELECT (SELECT count(*) FROM regress_cards.credit_card_transactions) AS rows,
       (SELECT filled_until FROM regress_cards.card_world) AS filled_until;

-- Determinism: the same calls into another schema give the same tables.
CREATE SCHEMA regress_cards_twin;
SELECT seed_used FROM synth_card_backfill(merchants => 60, banks => 20, accounts => 300, cards => 600,
                                          transactions => 20000, fraud_rate => 0.005, seed => 11,
                                          target_schema => 'regress_cards_twin');
SELECT last_t_id FROM synth_card_incremental('2026-01-08', transactions => 5000, fraud_rate => 0.005,
                                             target_schema => 'regress_cards_twin');
SELECT last_t_id FROM synth_card_incremental('2026-01-15', transactions => 5000, fraud_rate => 0.005,
                                             target_schema => 'regress_cards_twin');
SELECT 'card_world' AS table_name, count(*) AS differences FROM (
    (TABLE regress_cards.card_world EXCEPT ALL TABLE regress_cards_twin.card_world)
    UNION ALL (TABLE regress_cards_twin.card_world EXCEPT ALL TABLE regress_cards.card_world)) d
UNION ALL SELECT 'merchant_details', count(*) FROM (
    (TABLE regress_cards.merchant_details EXCEPT ALL TABLE regress_cards_twin.merchant_details)
    UNION ALL (TABLE regress_cards_twin.merchant_details EXCEPT ALL TABLE regress_cards.merchant_details)) d
UNION ALL SELECT 'bank_details', count(*) FROM (
    (TABLE regress_cards.bank_details EXCEPT ALL TABLE regress_cards_twin.bank_details)
    UNION ALL (TABLE regress_cards_twin.bank_details EXCEPT ALL TABLE regress_cards.bank_details)) d
UNION ALL SELECT 'account_details', count(*) FROM (
    (TABLE regress_cards.account_details EXCEPT ALL TABLE regress_cards_twin.account_details)
    UNION ALL (TABLE regress_cards_twin.account_details EXCEPT ALL TABLE regress_cards.account_details)) d
UNION ALL SELECT 'card_details', count(*) FROM (
    (TABLE regress_cards.card_details EXCEPT ALL TABLE regress_cards_twin.card_details)
    UNION ALL (TABLE regress_cards_twin.card_details EXCEPT ALL TABLE regress_cards.card_details)) d
UNION ALL SELECT 'credit_card_transactions', count(*) FROM (
    (TABLE regress_cards.credit_card_transactions EXCEPT ALL TABLE regress_cards_twin.credit_card_transactions)
    UNION ALL (TABLE regress_cards_twin.credit_card_transactions EXCEPT ALL TABLE regress_cards.credit_card_transactions)) d
UNION ALL SELECT 'cc_fraud', count(*) FROM (
    (TABLE regress_cards.cc_fraud EXCEPT ALL TABLE regress_cards_twin.cc_fraud)
    UNION ALL (TABLE regress_cards_twin.cc_fraud EXCEPT ALL TABLE regress_cards.cc_fraud)) d;

-- A world of 40,000 cards continues in three chunks of cards (16,384, 16,384 and 7,232), each with its own
-- cards' start states; the 30,000 backfilled transactions give cards 0 .. 29,999 one each, so the last chunk
-- has no state at all. The period equals one call over every card with every state in one array.
CREATE SCHEMA regress_many_cards;
SELECT card_rows, transaction_rows
FROM synth_card_backfill(merchants => 60, banks => 20, accounts => 300, cards => 40000, transactions => 30000,
                         fraud_rate => 0, seed => 12, target_schema => 'regress_many_cards');
CREATE TEMP TABLE many_card_states AS
SELECT array_agg(ROW(substr(c.card_id, 6)::bigint, t.ts, t.ip_address, m.country)::synth_card_state) AS states
FROM regress_many_cards.credit_card_transactions t
JOIN regress_many_cards.card_details c USING (cc_num)
JOIN regress_many_cards.merchant_details m USING (merchant_id);
SELECT transaction_rows, first_t_id, last_t_id
FROM synth_card_incremental('2026-01-08', transactions => 60000, fraud_rate => 0, target_schema => 'regress_many_cards');
SELECT count(*) AS differences FROM (
    (SELECT * FROM regress_many_cards.credit_card_transactions WHERE t_id >= 30000
     EXCEPT ALL
     SELECT * FROM synth_generate_transactions(60000, 12, 60, 20, 300, 40000, tid_offset => 30000,
                                               period_start => '2026-01-01', period_end => '2026-01-08',
                                               card_states => (SELECT states FROM many_card_states)))
    UNION ALL
    (SELECT * FROM synth_generate_transactions(60000, 12, 60, 20, 300, 40000, tid_offset => 30000,
                                               period_start => '2026-01-01', period_end => '2026-01-08',
                                               card_states => (SELECT states FROM many_card_states))
     EXCEPT ALL
     SELECT * FROM regress_many_cards.credit_card_transactions WHERE t_id >= 30000)) d;

SET client_min_messages = warning;
DROP SCHEMA regress_cards, regress_cards_twin, regress_no_cards, regress_many_cards CASCADE;
RESET client_min_messages;
