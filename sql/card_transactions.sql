-- The card world's transactions and fraud: small fixed-seed outputs, the location model on a larger world
-- (against the original's geography, encoded here independently of the extension), allocation, t_ids, chunk
-- invariance, determinism, continuation across periods with card_states, the fraud's counts and shapes, and
-- every bad input.
SET timezone = 'UTC';
SELECT t_id, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts
FROM synth_generate_transactions(12, seed => 42, cards => 3);
-- The default fraud of seed 42: 45 chain rows in 5 attacks, then 2 geographic pairs (first and last rows).
SELECT fraud_type, incident, count(*) AS rows, min(t_id), max(t_id), count(DISTINCT cc_num) AS cards
FROM synth_generate_fraud(seed => 42) GROUP BY 1, 2 ORDER BY 1, 2;
SELECT t_id, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts, fraud_type, incident, explanation
FROM synth_generate_fraud(seed => 42) WHERE t_id < 500003 OR t_id >= 500045 ORDER BY t_id;

-- The original's geography (peer-facts 1.3): countries in IP-table order with their address ranges (each
-- range is one CIDR block), the directed neighbour lists, and the twelve distant pairs in order.
CREATE TEMP TABLE country_ranges (country_order integer, country text, ranges cidr[]);
INSERT INTO country_ranges VALUES
    (1, 'United States', '{8/8,12/8,24/8,50.0/9,66/8,67/8,68/8,69/8,71/8,74/8,75/8,76/8,96/8,98/8,99/8,104/8,107/8,108/8}'),
    (2, 'United Kingdom', '{81/8,86/8,90/8,92/8,94/8}'),
    (3, 'Germany', '{46/8,78/8,91/8}'),
    (4, 'France', '{80/8,82/8,88/8,90.0/9}'),
    (5, 'China', '{1.0/10,27/8,36.0/9,58/8,106/8,110/8,111/8,112/8,113/8,114/8,115/8,116/8,117.0/9,118/8,119/8,120/8,121/8,122/8,123/8}'),
    (6, 'Japan', '{60/8,61/8,126/8,133/8,210/8,211/8}'),
    (7, 'India', '{14/8,49/8,117.128/9}'),
    (8, 'Canada', '{70/8,72/8,142/8,184.0/9}'),
    (9, 'Australia', '{1.128/11,27.32/12,101/8,103.0/9}'),
    (10, 'Brazil', '{177/8,179/8,186/8,189/8,191/8}'),
    (11, 'Russia', '{5/8,31/8,37.0/9,46/8,77.0/9,78.0/9,79.0/9,80.0/9,81.0/9,82.0/9,83.0/9,84.0/9,85.0/9,86.0/9,87.0/9,88.0/9,89.0/9,90.0/9,91.0/9,92.0/9,93.0/9,94.0/9,95.0/9}'),
    (12, 'South Korea', '{1.224/11,14.0/9,27.0/9,58.0/9,59.0/9,60.0/9,61.0/9,106.0/9,110.0/9,112.0/9,114.0/9,115.0/9,116.0/9,117.0/9,118.0/9,119.0/9,121/8,175/8}'),
    (13, 'Mexico', '{187/8,189/8,201/8}'),
    (14, 'Spain', '{80.0/9,81.0/9,83/8,84/8,85.0/9,88.0/9}'),
    (15, 'Italy', '{79/8,80.0/9,81.0/9,82.0/9,87/8,93/8,151/8}'),
    (16, 'Netherlands', '{77/8,80.0/9,81.0/9,82.0/9,83.0/9,84.0/9,85.0/9,86.0/9,145/8,213/8}'),
    (17, 'Indonesia', '{36.64/10,103/8,110.0/9,112.0/9,114.0/9,118.0/9,125.0/9}'),
    (18, 'Saudi Arabia', '{37.128/9,46.0/9,80.0/9,109/8,188/8}'),
    (19, 'Turkey', '{78.160/11,79.0/9,80.0/9,81.0/9,82.0/9,85.0/9,88.0/9,176/8,185/8}'),
    (20, 'Taiwan', '{1.160/12,27.0/9,36.224/12,60.0/9,61.0/9,111.0/9,114.0/9,118.0/9,125.0/9}'),
    (21, 'Belgium', '{77.0/9,78.0/9,79.0/9,80.0/9,81.0/9,82.0/9,83.0/9,84.0/9,85.0/9}'),
    (22, 'Argentina', '{181/8,186.0/9,190/8,200.0/9}'),
    (23, 'Thailand', '{1.0.128/17,27.0/9,58.0/9,101.0/9,103.0/9,110.0/9,111.0/9,112.0/9,113.0/9,114.0/9,115.0/9,116.0/9,117.0/9,118.0/9,119.0/9,125.0/9}'),
    (24, 'Israel', '{2.0/9,5.0/9,37.0/9,46.0/9,77.0/9,79.0/9,80.0/9,82.0/9,85.0/9}'),
    (25, 'Poland', '{5.0/9,31.0/9,37.0/9,46.0/9,77.0/9,78.0/9,79.0/9,80.0/9,81.0/9,83.0/9,89.0/9}'),
    (26, 'Nigeria', '{41.0/9,102.0/9,105.0/9,154.0/9,196.0/9,197.0/9}');
CREATE TEMP TABLE neighbours AS
SELECT home, unnest(listed::text[]) AS neighbour FROM (VALUES
    ('United States', '{Canada,Mexico}'),
    ('Canada', '{"United States"}'),
    ('Mexico', '{"United States"}'),
    ('United Kingdom', '{France,Germany,Netherlands,Belgium,Spain,Italy}'),
    ('France', '{"United Kingdom",Germany,Spain,Italy,Belgium,Netherlands}'),
    ('Germany', '{France,Netherlands,Belgium,Poland}'),
    ('Spain', '{France,Italy}'),
    ('Italy', '{France,Spain,Germany}'),
    ('Netherlands', '{Germany,Belgium,"United Kingdom",France}'),
    ('Belgium', '{France,Netherlands,Germany,"United Kingdom"}'),
    ('Poland', '{Germany,Russia}'),
    ('China', '{Japan,"South Korea",India,Russia}'),
    ('Japan', '{China,"South Korea",Taiwan}'),
    ('South Korea', '{Japan,China}'),
    ('Taiwan', '{Japan,China}'),
    ('India', '{China,Thailand}'),
    ('Thailand', '{India,Indonesia}'),
    ('Indonesia', '{Thailand,Australia}'),
    ('Australia', '{Indonesia}'),
    ('Brazil', '{Argentina}'),
    ('Argentina', '{Brazil}'),
    ('Russia', '{Poland,China}'),
    ('Saudi Arabia', '{Turkey,Israel}'),
    ('Turkey', '{"Saudi Arabia",Israel}'),
    ('Israel', '{Turkey,"Saudi Arabia"}')) v(home, listed);
CREATE TEMP TABLE distant_pairs (pair_order integer, first_country text, second_country text);
INSERT INTO distant_pairs VALUES
    (1, 'United States', 'China'), (2, 'United States', 'Japan'), (3, 'United States', 'Australia'),
    (4, 'United Kingdom', 'Australia'), (5, 'United Kingdom', 'Japan'), (6, 'Germany', 'China'),
    (7, 'France', 'India'), (8, 'Canada', 'Russia'), (9, 'Brazil', 'China'), (10, 'Spain', 'Australia'),
    (11, 'Italy', 'Japan'), (12, 'Mexico', 'India');
SELECT count(*) AS countries, (SELECT count(*) FROM neighbours) AS neighbour_links,
       (SELECT count(*) FROM distant_pairs) AS distant_pairs
FROM country_ranges;

-- A larger world (seed 7: 500 merchants, 1,000 banks, 10,000 accounts, 2,000 cards) and 150,700 transactions
-- over the default window [2025-12-02, 2026-01-01): 75 per card, 76 for the first 700 cards.
CREATE TEMP TABLE merchants AS SELECT * FROM synth_generate_merchants(500, seed => 7);
CREATE TEMP TABLE accounts AS SELECT * FROM synth_generate_accounts(10000, seed => 7);
CREATE TEMP TABLE cards AS
SELECT substr(card_id, 6)::bigint AS card, * FROM synth_generate_cards(2000, seed => 7, accounts => 10000);
CREATE TEMP TABLE legit AS
SELECT * FROM synth_generate_transactions(150700, seed => 7, merchants => 500, accounts => 10000, cards => 2000);
-- Every transaction belongs to the world: a card of it with that card's account, a merchant of it, a time in
-- the window and not before the card's issue date, a positive amount. Every country has merchants, so no
-- fallback of the location model comes into play.
SELECT count(*) AS transactions,
       count(*) FILTER (WHERE c.cc_num IS NULL) AS unknown_cards,
       count(*) FILTER (WHERE c.account_id IS DISTINCT FROM t.account_id) AS wrong_accounts,
       count(*) FILTER (WHERE m.merchant_id IS NULL) AS unknown_merchants,
       count(*) FILTER (WHERE t.ts < '2025-12-02' OR t.ts >= '2026-01-01') AS outside_window,
       count(*) FILTER (WHERE t.ts < c.issue_date) AS before_issue,
       count(*) FILTER (WHERE t.ts <> date_trunc('second', t.ts)) AS fractional_seconds,
       count(*) FILTER (WHERE t.amount < 0.01 OR t.amount <> round(t.amount, 2)) AS bad_amounts,
       (SELECT count(DISTINCT country) FROM merchants) AS merchant_countries
FROM legit t LEFT JOIN cards c USING (cc_num) LEFT JOIN merchants m USING (merchant_id);
CREATE TEMP TABLE located AS
SELECT t.*, c.card, a.home_country, m.country,
       lag(t.ts) OVER w AS prev_ts, lag(m.country) OVER w AS prev_country, lag(t.ip_address) OVER w AS prev_ip
FROM legit t JOIN cards c USING (cc_num) JOIN accounts a ON a.account_id = t.account_id
JOIN merchants m USING (merchant_id)
WINDOW w AS (PARTITION BY t.cc_num ORDER BY t.ts, t.t_id);

-- The merchant country (the transaction's country) against the account's home: home 85%, a listed neighbour
-- of home 10%, elsewhere 5%, each within 1.5 points.
WITH kinds AS (
    SELECT CASE WHEN country = home_country THEN 'home'
                WHEN EXISTS (SELECT FROM neighbours n WHERE n.home = l.home_country AND n.neighbour = l.country)
                THEN 'neighbour' ELSE 'other' END AS kind
    FROM located l)
SELECT kind, round(100.0 * count(*) / sum(count(*)) OVER ()) AS percent,
       abs(100.0 * count(*) / sum(count(*)) OVER () - CASE kind WHEN 'home' THEN 85 WHEN 'neighbour' THEN 10 ELSE 5 END)
           <= 1.5 AS within_tolerance
FROM kinds GROUP BY kind ORDER BY kind;

-- No country change within 6 hours of the card's previous transaction, although there are many changes and
-- many consecutive transactions less than 6 hours apart.
SELECT count(*) FILTER (WHERE country <> prev_country AND ts - prev_ts < interval '6 hours') AS changes_within_6_hours,
       count(*) FILTER (WHERE country <> prev_country) > 10000 AS many_changes,
       count(*) FILTER (WHERE ts - prev_ts < interval '6 hours') > 10000 AS many_close_pairs
FROM located WHERE prev_ts IS NOT NULL;

-- Consecutive same-card transactions in the same country: 60% keep the previous subnet, 70% of those its
-- /24 (42% in all) and the rest its /16 (60% in all), each within 2 points.
WITH same_country AS (
    SELECT set_masklen(ip_address, 24) >>= prev_ip AS same_24, set_masklen(ip_address, 16) >>= prev_ip AS same_16
    FROM located WHERE country = prev_country)
SELECT round(100.0 * count(*) FILTER (WHERE same_24) / count(*)) AS percent_same_24,
       round(100.0 * count(*) FILTER (WHERE same_16) / count(*)) AS percent_same_16,
       abs(100.0 * count(*) FILTER (WHERE same_24) / count(*) - 42) <= 2 AS same_24_within_tolerance,
       abs(100.0 * count(*) FILTER (WHERE same_16) / count(*) - 60) <= 2 AS same_16_within_tolerance
FROM same_country;

-- Every address lies in its country's ranges, except the few drawn in the /16 of Thailand's 1.0.128.0/17
-- (a same-subnet draw keeps only 1.0, as the original's does); every address's /16 meets its country's ranges.
SELECT count(*) FILTER (WHERE NOT l.ip_address <<= ANY (r.ranges)) > 0 AS some_outside,
       count(*) FILTER (WHERE NOT l.ip_address <<= ANY (r.ranges)
                          AND NOT (l.country = 'Thailand' AND l.ip_address << '1.0/16')) AS unexplained_outside,
       count(*) FILTER (WHERE NOT network(set_masklen(l.ip_address, 16)) && ANY (r.ranges)) AS outside_16
FROM located l JOIN country_ranges r USING (country);

-- Card present 60%, amounts LogNormal(3.5, 1.2).
SELECT round(100.0 * count(*) FILTER (WHERE card_present) / count(*)) AS percent_card_present,
       round(avg(ln(amount)), 1) AS mean_log_amount, round(stddev(ln(amount)), 1) AS sd_log_amount
FROM legit;

-- Allocation: card c holds rows / cards transactions, one more when c < rows % cards.
SELECT count(*) AS cards,
       count(*) FILTER (WHERE coalesce(n, 0) <> 150700 / 2000 + (card < 150700 % 2000)::integer) AS misallocated
FROM cards LEFT JOIN (SELECT cc_num, count(*) AS n FROM legit GROUP BY cc_num) t USING (cc_num);

-- t_ids: contiguous from tid_offset (0) in (card, time) order.
SELECT min(t_id), max(t_id), count(DISTINCT t_id) AS distinct_t_ids,
       count(*) FILTER (WHERE t_id <> position - 1) AS out_of_card_time_order
FROM (SELECT t_id, row_number() OVER (ORDER BY card, ts, t_id) AS position FROM located) p;
SELECT count(*) AS later_t_id_earlier_ts FROM (
    SELECT ts < lag(ts) OVER (PARTITION BY cc_num ORDER BY t_id) AS backwards FROM legit) b WHERE backwards;
-- tid_offset only shifts the t_ids.
SELECT count(*) AS differences FROM (
  (SELECT t_id + 1000, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts
   FROM synth_generate_transactions(3000, seed => 7, merchants => 500, accounts => 10000, cards => 2000)
   EXCEPT ALL
   SELECT * FROM synth_generate_transactions(3000, seed => 7, merchants => 500, accounts => 10000, cards => 2000,
                                             tid_offset => 1000))
  UNION ALL
  (SELECT * FROM synth_generate_transactions(3000, seed => 7, merchants => 500, accounts => 10000, cards => 2000,
                                             tid_offset => 1000)
   EXCEPT ALL
   SELECT t_id + 1000, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts
   FROM synth_generate_transactions(3000, seed => 7, merchants => 500, accounts => 10000, cards => 2000))) d;

-- Chunks of cards [0, 700) + [700, 1300) + [1300, 2000) equal the whole, t_ids included.
CREATE TEMP TABLE chunks AS
SELECT * FROM synth_generate_transactions(150700, seed => 7, merchants => 500, accounts => 10000, cards => 2000,
                                          first_card => 0, card_count => 700)
UNION ALL
SELECT * FROM synth_generate_transactions(150700, seed => 7, merchants => 500, accounts => 10000, cards => 2000,
                                          first_card => 700, card_count => 600)
UNION ALL
SELECT * FROM synth_generate_transactions(150700, seed => 7, merchants => 500, accounts => 10000, cards => 2000,
                                          first_card => 1300);
SELECT (SELECT count(*) FROM chunks) AS chunk_rows,
       (SELECT count(*) FROM (SELECT * FROM legit EXCEPT ALL SELECT * FROM chunks) d) AS only_whole,
       (SELECT count(*) FROM (SELECT * FROM chunks EXCEPT ALL SELECT * FROM legit) d) AS only_chunks;

-- Determinism: a second call gives the same rows; another seed gives others.
SELECT (SELECT count(*) FROM (
          SELECT * FROM synth_generate_transactions(150700, seed => 7, merchants => 500, accounts => 10000, cards => 2000)
          EXCEPT ALL SELECT * FROM legit) d) AS only_second_call,
       (SELECT count(*) FROM (
          SELECT * FROM legit EXCEPT ALL
          SELECT * FROM synth_generate_transactions(150700, seed => 7, merchants => 500, accounts => 10000, cards => 2000)) d)
           AS only_first_call,
       (SELECT count(*) FROM (
          SELECT * FROM synth_generate_transactions(150700, seed => 8, merchants => 500, accounts => 10000, cards => 2000)
          INTERSECT ALL SELECT * FROM legit) d) AS shared_with_seed_8;

-- Continuation: a small world's window, then the period [2026-01-01, 2026-01-11) with each card's state taken
-- from its last transaction of the window (card index = position among synth_generate_cards' rows).
CREATE TEMP TABLE small_merchants AS SELECT * FROM synth_generate_merchants(200, seed => 5);
CREATE TEMP TABLE small_cards AS
SELECT substr(card_id, 6)::bigint AS card, cc_num FROM synth_generate_cards(300, seed => 5, accounts => 1000, banks => 100);
CREATE TEMP TABLE window_rows AS
SELECT t.*, m.country
FROM synth_generate_transactions(30000, seed => 5, merchants => 200, banks => 100, accounts => 1000, cards => 300) t
JOIN small_merchants m USING (merchant_id);
CREATE TEMP TABLE states AS
SELECT array_agg(ROW(c.card, l.ts, l.ip_address, l.country)::synth_card_state) AS card_states
FROM (SELECT DISTINCT ON (cc_num) * FROM window_rows ORDER BY cc_num, ts DESC, t_id DESC) l JOIN small_cards c USING (cc_num);
CREATE TEMP TABLE continued AS
SELECT 'with states' AS variant, t.*, m.country
FROM states, synth_generate_transactions(10000, seed => 5, merchants => 200, banks => 100, accounts => 1000, cards => 300,
                                         tid_offset => 30000, period_start => '2026-01-01', period_end => '2026-01-11',
                                         card_states => states.card_states) t
JOIN small_merchants m USING (merchant_id)
UNION ALL
SELECT 'without states', t.*, m.country
FROM synth_generate_transactions(10000, seed => 5, merchants => 200, banks => 100, accounts => 1000, cards => 300,
                                 tid_offset => 30000, period_start => '2026-01-01', period_end => '2026-01-11') t
JOIN small_merchants m USING (merchant_id);
SELECT cardinality(card_states) AS states FROM states;
-- With the states no card changes country within 6 hours across the seam, and in the same country its first
-- address keeps the last one's /16 about 60% of the time; without them the seam breaks both.
WITH joined AS (
    SELECT v.variant, w.*
    FROM (VALUES ('with states'), ('without states')) v(variant)
    CROSS JOIN LATERAL (SELECT t_id, cc_num, ip_address, ts, country FROM window_rows
                        UNION ALL
                        SELECT t_id, cc_num, ip_address, ts, country FROM continued c WHERE c.variant = v.variant) w),
pairs AS (
    SELECT variant, ts, country, ip_address,
           lag(ts) OVER w AS prev_ts, lag(country) OVER w AS prev_country, lag(ip_address) OVER w AS prev_ip
    FROM joined WINDOW w AS (PARTITION BY variant, cc_num ORDER BY ts, t_id)),
seam AS (
    SELECT * FROM pairs WHERE prev_ts < '2026-01-01' AND ts >= '2026-01-01')
SELECT variant, count(*) AS seam_pairs,
       count(*) FILTER (WHERE country <> prev_country AND ts - prev_ts < interval '6 hours') AS changes_within_6_hours,
       round(100.0 * count(*) FILTER (WHERE country = prev_country AND set_masklen(ip_address, 16) >>= prev_ip)
             / count(*) FILTER (WHERE country = prev_country), -1) AS percent_same_16_to_nearest_10
FROM seam GROUP BY variant ORDER BY variant;
-- The period's rows: 10,000 in the period with t_ids from 30000, and no change within 6 hours inside it.
SELECT variant, count(*), min(t_id), max(t_id), count(DISTINCT t_id) AS distinct_t_ids,
       count(*) FILTER (WHERE ts < '2026-01-01' OR ts >= '2026-01-11') AS outside_period,
       count(*) FILTER (WHERE country <> prev_country AND ts - prev_ts < interval '6 hours') AS changes_within_6_hours
FROM (SELECT *, lag(ts) OVER w AS prev_ts, lag(country) OVER w AS prev_country
      FROM continued WINDOW w AS (PARTITION BY variant, cc_num ORDER BY ts, t_id)) c
GROUP BY variant ORDER BY variant;

-- Fraud counts by the original's rules: requested = max(floor(legit_rows x fraud_rate), 1) (0 when either is
-- 0), chain rows = floor(requested x ratio) in ceil(chain rows / 10) attacks (1 below 10), the rest as
-- max(rest / 2, 1) pairs. 100 x 0.29 is 29 (exact decimal floor).
SELECT v.legit_rows, v.fraud_rate, v.chain_attack_ratio, count(f.t_id) AS fraud_rows,
       count(f.t_id) FILTER (WHERE f.fraud_type = 'chain_attack') AS chain_rows,
       count(DISTINCT f.incident) FILTER (WHERE f.fraud_type = 'chain_attack') AS attacks,
       count(DISTINCT f.incident) FILTER (WHERE f.fraud_type = 'geographic') AS pairs,
       count(f.t_id) FILTER (WHERE f.fraud_type = 'geographic') AS geographic_rows
FROM (VALUES (500000::bigint, 0.0001::double precision, 0.9::double precision),
             (1000, 0.005, 0.9), (1000, 0, 0.9), (0, 0.5, 0.9), (10, 0.01, 0.9), (1000, 0.001, 0.9),
             (1000, 0.02, 1), (1000, 0.02, 0), (1000, 0.007, 0), (100, 0.29, 1), (1000, 0.003, 1), (1000, 1, 0.9))
     v(legit_rows, fraud_rate, chain_attack_ratio)
LEFT JOIN LATERAL synth_generate_fraud(v.legit_rows, v.fraud_rate, v.chain_attack_ratio, seed => 42) f ON true
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- The attack sizes of the headline case, and the single small attack when chain rows < 5.
SELECT legit_rows, fraud_rate, array_agg(n ORDER BY incident) AS attack_sizes
FROM (SELECT 500000 AS legit_rows, 0.0001 AS fraud_rate, incident, count(*) AS n
      FROM synth_generate_fraud(500000, 0.0001, 0.9, seed => 42) WHERE fraud_type = 'chain_attack' GROUP BY incident
      UNION ALL
      SELECT 1000, 0.003, incident, count(*)
      FROM synth_generate_fraud(1000, 0.003, 1, seed => 42) WHERE fraud_type = 'chain_attack' GROUP BY incident) s
GROUP BY 1, 2 ORDER BY 1, 2;
-- A single merchant: attacks, but no geographic pair (fewer than two countries with merchants).
SELECT fraud_type, count(*) FROM synth_generate_fraud(1000, 0.02, 0.5, seed => 42, merchants => 1) GROUP BY 1 ORDER BY 1;

-- Shapes, on many incidents: 100,000 legitimate rows at 2% give 1,800 chain rows in 180 attacks and 100 pairs.
CREATE TEMP TABLE fraud_cards AS SELECT * FROM synth_generate_cards(20000, seed => 3);
CREATE TEMP TABLE fraud_merchants AS SELECT * FROM synth_generate_merchants(500, seed => 3);
CREATE TEMP TABLE fraud AS
SELECT f.*, row_number() OVER (PARTITION BY f.fraud_type, f.incident ORDER BY f.t_id) - 1 AS position,
       m.country AS merchant_country, c.issue_date, c.account_id AS card_account
FROM synth_generate_fraud(100000, 0.02, 0.9, seed => 3) f
LEFT JOIN fraud_cards c USING (cc_num) LEFT JOIN fraud_merchants m USING (merchant_id);
-- Every row: a card and merchant of the world, the card's account, in the window, not before issue; t_ids
-- contiguous from legit_rows, chain rows first.
SELECT count(*) AS rows, min(t_id), max(t_id), count(DISTINCT t_id) AS distinct_t_ids,
       count(*) FILTER (WHERE issue_date IS NULL OR merchant_country IS NULL) AS unknown_card_or_merchant,
       count(*) FILTER (WHERE card_account IS DISTINCT FROM account_id) AS wrong_accounts,
       count(*) FILTER (WHERE ts < '2025-12-02' OR ts >= '2026-01-01' OR ts < issue_date) AS outside_card_window,
       (SELECT max(t_id) FROM fraud WHERE fraud_type = 'chain_attack')
           < (SELECT min(t_id) FROM fraud WHERE fraud_type = 'geographic') AS chain_rows_first
FROM fraud;
-- Chain attacks: 5-15 rows, one card, online, strictly increasing in t_id order, spanning less than 2 hours,
-- at most 3 addresses all of one country, amounts in the tiers by position, the original's explanation.
WITH attacks AS (
    SELECT incident, count(*) AS n, count(DISTINCT cc_num) AS cards, bool_or(card_present) AS any_present,
           max(ts) - min(ts) AS span, array_agg(DISTINCT ip_address) AS addresses
    FROM fraud WHERE fraud_type = 'chain_attack' GROUP BY incident),
steps AS (
    SELECT ts <= lag(ts) OVER (PARTITION BY incident ORDER BY t_id) AS not_increasing
    FROM fraud WHERE fraud_type = 'chain_attack')
SELECT count(*) AS attacks, sum(n) AS chain_rows, min(n), max(n),
       count(*) FILTER (WHERE cards <> 1 OR any_present) AS not_one_card_online,
       count(*) FILTER (WHERE span >= interval '2 hours') AS spans_2_hours,
       (SELECT count(*) FROM steps WHERE not_increasing) AS not_increasing,
       max(cardinality(addresses)) AS max_addresses,
       count(*) FILTER (WHERE NOT EXISTS (
           SELECT FROM country_ranges r
           WHERE NOT EXISTS (SELECT FROM unnest(addresses) a WHERE NOT a <<= ANY (r.ranges)))) AS addresses_of_no_one_country,
       round(100.0 * count(*) FILTER (WHERE cardinality(addresses) > 1) / count(*)) BETWEEN 20 AND 40
           AS about_30_percent_multi_address
FROM attacks;
SELECT tier, count(*), min(amount) >= low AND max(amount) <= high AS within_tier, min(amount), max(amount),
       count(*) FILTER (WHERE explanation IS DISTINCT FROM
                        format('Chain attack: Multiple small transactions ($%s) in short time period', amount))
           AS other_explanations
FROM (SELECT f.*, t.*
      FROM fraud f
      JOIN (VALUES ('rows 0-1', 0, 1, 1.00, 10.00), ('rows 2-3', 2, 3, 10.00, 25.00), ('rows 4+', 4, 99, 25.00, 49.99))
           t(tier, first_position, last_position, low, high) ON f.position BETWEEN t.first_position AND t.last_position
      WHERE f.fraud_type = 'chain_attack') x
GROUP BY tier, low, high ORDER BY tier;
-- Geographic pairs: two card-present rows of one card 5-60 minutes apart, merchants of a distant pair in its
-- order, fresh addresses of each country, the original's two explanations.
WITH pairs AS (
    SELECT a.incident, a.cc_num = b.cc_num AS one_card, a.card_present AND b.card_present AS present,
           b.ts - a.ts AS gap, a.merchant_country AS first_country, b.merchant_country AS second_country,
           a.ip_address <<= ANY (ra.ranges) AND b.ip_address <<= ANY (rb.ranges) AS addresses_of_countries,
           a.explanation = format('Geographic fraud: Card present transaction in %s, followed by card present transaction in %s only %s minutes later (impossible travel)',
                                  a.merchant_country, b.merchant_country, floor(extract(epoch FROM b.ts - a.ts) / 60))
           AND b.explanation = format('Geographic fraud: Card present transaction in %s, preceded by card present transaction in %s only %s minutes earlier (impossible travel)',
                                      b.merchant_country, a.merchant_country, floor(extract(epoch FROM b.ts - a.ts) / 60))
               AS explained
    FROM fraud a JOIN fraud b ON b.fraud_type = 'geographic' AND b.incident = a.incident AND b.position = 1
    JOIN country_ranges ra ON ra.country = a.merchant_country JOIN country_ranges rb ON rb.country = b.merchant_country
    WHERE a.fraud_type = 'geographic' AND a.position = 0)
SELECT count(*) AS pairs,
       (SELECT count(*) FROM fraud WHERE fraud_type = 'geographic') AS geographic_rows,
       count(*) FILTER (WHERE NOT one_card OR NOT present) AS not_one_card_present,
       count(*) FILTER (WHERE gap < interval '5 minutes' OR gap > interval '60 minutes') AS gap_outside_5_60_minutes,
       count(*) FILTER (WHERE (first_country, second_country) NOT IN (SELECT first_country, second_country FROM distant_pairs))
           AS not_distant_pairs,
       count(DISTINCT (first_country, second_country)) AS distinct_pairs_used,
       count(*) FILTER (WHERE NOT addresses_of_countries) AS addresses_elsewhere,
       count(*) FILTER (WHERE NOT explained) AS other_explanations
FROM pairs;
-- With only three merchants (Mexico, Saudi Arabia, Australia for seed 42) no distant pair is valid: pairs
-- are drawn among the pairs of distinct countries with merchants, first country first in IP-table order.
SELECT count(*) AS pairs, count(*) FILTER (WHERE ra.country_order >= rb.country_order) AS not_in_table_order
FROM (SELECT incident, min(t_id) AS first_t_id, max(t_id) AS second_t_id
      FROM synth_generate_fraud(1000, 0.02, 0, seed => 42, merchants => 3) GROUP BY incident) p
JOIN synth_generate_fraud(1000, 0.02, 0, seed => 42, merchants => 3) a ON a.t_id = p.first_t_id
JOIN synth_generate_fraud(1000, 0.02, 0, seed => 42, merchants => 3) b ON b.t_id = p.second_t_id
JOIN synth_generate_merchants(3, seed => 42) ma ON ma.merchant_id = a.merchant_id
JOIN synth_generate_merchants(3, seed => 42) mb ON mb.merchant_id = b.merchant_id
JOIN country_ranges ra ON ra.country = ma.country JOIN country_ranges rb ON rb.country = mb.country;
-- The default tid_offset is legit_rows; a given one moves every t_id; a second call gives the same rows.
SELECT (SELECT min(t_id) FROM synth_generate_fraud(1000, 0.005, 0.9, seed => 42)) AS default_first_t_id,
       (SELECT min(t_id) FROM synth_generate_fraud(1000, 0.005, 0.9, seed => 42, tid_offset => 77)) AS given_first_t_id,
       (SELECT count(*) FROM (SELECT * FROM synth_generate_fraud(100000, 0.02, 0.9, seed => 3)
                              EXCEPT ALL
                              SELECT t_id, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts,
                                     fraud_type, incident, explanation FROM fraud) d) AS differences_second_call;

-- Bad input.
\set VERBOSITY terse
SELECT count(*) FROM synth_generate_transactions(NULL, seed => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(-1, seed => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(1000, 'NaN', seed => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(1000, 1.5, seed => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(1000, 0.01, -0.1, seed => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(NULL, 0.01, seed => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, merchants => 2000000);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(1000, 0.01, seed => 1, merchants => 2000000);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, window_start => '2026-01-01', window_end => '2025-12-01');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, window_end => 'infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, period_end => '2025-12-31');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(1000, 0.01, seed => 1, period_start => '2026-01-01', period_end => '2026-01-01 01:00');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, first_card => 6);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, first_card => 3, card_count => 3);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[NULL::synth_card_state]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(1, NULL, '1.2.3.4', 'France')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(0, '2025-12-31 23:00', '::1', 'France')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(0, '2025-12-31 23:00', '1.2.3.4/8', 'France')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(1, '2026-03-01 23:00', '1.2.3.4', 'France')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(0, '2025-12-31 23:00', '1.2.3.4', 'Atlantis')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(5, '2025-12-31 23:00', '1.2.3.4', 'France')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, period_start => '2026-01-01',
    period_end => '2026-01-02', card_states => ARRAY[ROW(1, '2025-12-31 23:00', '1.2.3.4', 'France'),
                                                     ROW(1, '2025-12-31 22:00', '1.2.3.5', 'France')]::synth_card_state[]);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 5, tid_offset => 9223372036854775800);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM synth_generate_fraud(1000, 0.01, seed => 1, tid_offset => 9223372036854775800);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
