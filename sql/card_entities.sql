-- The card world's entities: small fixed-seed outputs, the original's distributions on larger sets, chunk
-- invariance, and every bad input.
SET timezone = 'UTC';
SELECT * FROM synth_generate_merchants(4, seed => 42);
SELECT * FROM synth_generate_banks(4, seed => 42);
SELECT account_id, name, address, debt_end_prev_month, creation_date, end_date, home_country
FROM synth_generate_accounts(4, seed => 42);
SELECT * FROM synth_generate_cards(4, seed => 42);

-- Formats and uniqueness.
SELECT count(*) AS cards,
       count(DISTINCT cc_num) AS distinct_numbers,
       count(*) FILTER (WHERE cc_num !~ '^[1-9][0-9]{3}-[1-9][0-9]{3}-[1-9][0-9]{3}-[1-9][0-9]{3}$') AS malformed,
       count(*) FILTER (WHERE extract(day FROM issue_date) <> 1 OR extract(day FROM cc_expiry_date) <> 1) AS not_first_of_month,
       count(*) FILTER (WHERE issue_date > '2026-01-01' OR cc_expiry_date < '2025-12-01') AS out_of_window,
       count(*) FILTER (WHERE status_updated AND NOT last_modified BETWEEN issue_date + interval '1 day' AND '2025-12-01') AS bad_updates
FROM synth_generate_cards(50000, seed => 7);

-- Shares, within a few standard errors of the original's probabilities.
SELECT card_type, round(count(*) / 500.0) AS percent FROM synth_generate_cards(50000, seed => 7) GROUP BY 1 ORDER BY 1;
SELECT status, round(count(*) * 100.0 / sum(count(*)) OVER (), 0) AS percent_of_updated
FROM synth_generate_cards(50000, seed => 7) WHERE status_updated GROUP BY 1 ORDER BY 1;
SELECT home_country IN ('United States') AS united_states,
       home_country IN ('United Kingdom', 'Germany', 'France', 'Canada', 'China', 'Japan') AS major,
       round(count(*) / 500.0) AS percent
FROM synth_generate_accounts(50000, seed => 7) GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(DISTINCT country) AS merchant_countries, count(DISTINCT category) AS categories,
       round(avg(cnt_chrgeback_prev_day), 1) AS mean_daily_chargebacks
FROM synth_generate_merchants(50000, seed => 7);
SELECT count(DISTINCT country) AS bank_countries, min(credit_rating), max(credit_rating),
       max(days_since_bank_cr_changed) <= 1095 AS capped
FROM synth_generate_banks(50000, seed => 7);

-- Chunks equal the whole, for every kind.
SELECT (SELECT count(*) FROM (
          (SELECT * FROM synth_generate_cards(1000, seed => 3)
           EXCEPT ALL (SELECT * FROM synth_generate_cards(400, seed => 3)
                       UNION ALL SELECT * FROM synth_generate_cards(600, seed => 3, first_card => 400)))) d) AS card_differences,
       (SELECT count(*) FROM (
          (SELECT * FROM synth_generate_accounts(1000, seed => 3)
           EXCEPT ALL (SELECT * FROM synth_generate_accounts(1, seed => 3)
                       UNION ALL SELECT * FROM synth_generate_accounts(999, seed => 3, first_account => 1)))) d) AS account_differences,
       (SELECT count(*) FROM (
          (SELECT * FROM synth_generate_merchants(1000, seed => 3)
           EXCEPT ALL (SELECT * FROM synth_generate_merchants(500, seed => 3)
                       UNION ALL SELECT * FROM synth_generate_merchants(500, seed => 3, first_merchant => 500)))) d) AS merchant_differences,
       (SELECT count(*) FROM (
          (SELECT * FROM synth_generate_banks(1000, seed => 3)
           EXCEPT ALL (SELECT * FROM synth_generate_banks(999, seed => 3)
                       UNION ALL SELECT * FROM synth_generate_banks(1, seed => 3, first_bank => 999)))) d) AS bank_differences;

-- A NULL seed picks one (reported in a NOTICE, silenced here because it differs on every run).
SET client_min_messages = warning;
SELECT count(*) FROM synth_generate_banks(2, seed => NULL);
RESET client_min_messages;
-- Merchants, banks and accounts take window_end alone, over its whole range (1900 included).
SELECT (SELECT count(*) FROM synth_generate_merchants(2, 1, '1900-01-01 00:00:00+00')) AS merchants,
       (SELECT count(*) FROM synth_generate_banks(2, 1, '1900-01-01 00:00:00+00')) AS banks,
       (SELECT count(*) FROM synth_generate_accounts(2, 1, '1900-01-01 00:00:00+00')) AS accounts;
-- Bad input.
\set VERBOSITY terse
SELECT * FROM synth_generate_merchants(-1, seed => 1);
SELECT * FROM synth_generate_merchants(1, seed => 1, first_merchant => 9223372036854775806);
SELECT * FROM synth_generate_merchants(NULL, seed => 1);
SELECT * FROM synth_generate_merchants(1, seed => 1, first_merchant => -5);
SELECT * FROM synth_generate_merchants(1, seed => 1, first_merchant => 100000000);
SELECT * FROM synth_generate_banks(9223372036854775807, seed => 1);
SELECT * FROM synth_generate_accounts(1, seed => 1, window_end => 'infinity');
SELECT * FROM synth_generate_accounts(1, seed => 1, window_end => NULL);
SELECT * FROM synth_generate_accounts(1, seed => 1, window_end => '1800-01-01');
SELECT * FROM synth_generate_cards(1, seed => 1, accounts => 0);
SELECT * FROM synth_generate_cards(1, seed => 1, banks => -1);
SELECT * FROM synth_generate_cards(1, seed => 1, window_start => '2026-01-01', window_end => '2025-01-01');
SELECT * FROM synth_generate_cards(1, seed => 1, first_card => NULL);
\set VERBOSITY default
