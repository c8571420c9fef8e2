-- synthgen 0.1 -> 0.2: point-in-time features, the knowledge-horizon training split.
-- Every object is qualified with @extschema@; functions written in SQL or PL/pgSQL pin their search_path.

\echo Use "ALTER EXTENSION synthgen UPDATE TO '0.2'" to load this file. \quit

CREATE FUNCTION @extschema@.synth_feature_query(target_schema name DEFAULT pg_catalog.current_schema())
RETURNS text
LANGUAGE plpgsql STABLE CALLED ON NULL INPUT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- Each window is the records with an earlier timestamp in the window (a RANGE frame ending 1 microsecond
    -- before, so aggregates can move incrementally), plus the same-timestamp records up to this one in id order:
    -- exactly the user's records at or before this one in (transaction_timestamp, id) order. Only records without
    -- a snapshot are returned, but their windows see each affected user's whole history.
    RETURN format($query$
        WITH pending_users AS (
            SELECT DISTINCT r.user_id FROM %1$I.generated_records r
            WHERE NOT EXISTS (SELECT FROM %1$I.feature_snapshots f WHERE f.record_id = r.record_id)),
        history AS (
            SELECT r.id, r.record_id, r.user_id, r.transaction_timestamp AS ts, r.amount,
                   (r.available_balance * 100)::bigint AS balance,
                   r.is_off_hours_txn::integer AS off_hours, r.bank_connections_count_24h, r.merchant_risk_score
            FROM %1$I.generated_records r JOIN pending_users USING (user_id)),
        windows AS (
            SELECT h.*,
                   count(*) OVER earlier_24h + count(*) OVER peers_so_far AS n_24h,
                   count(*) OVER earlier_7d + count(*) OVER peers_so_far AS n_7d,
                   coalesce(sum(off_hours) OVER earlier_7d, 0) + sum(off_hours) OVER peers_so_far AS off_hours_7d,
                   count(*) OVER earlier_30d + count(*) OVER peers_so_far AS n_30d,
                   coalesce(sum(amount) OVER earlier_30d, 0) + sum(amount) OVER peers_so_far AS amount_30d,
                   greatest(max(amount) OVER earlier_30d, max(amount) OVER peers_so_far) AS max_amount_30d,
                   coalesce(sum(balance) OVER earlier_30d, 0) + sum(balance) OVER peers_so_far AS balance_30d,
                   coalesce(sum(balance * balance) OVER earlier_30d, 0) + sum(balance * balance) OVER peers_so_far AS balance_sq_30d
            FROM history h
            WINDOW earlier_24h AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN '24 hours' PRECEDING AND '1 microsecond' PRECEDING),
                   earlier_7d AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN '7 days' PRECEDING AND '1 microsecond' PRECEDING),
                   earlier_30d AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN '30 days' PRECEDING AND '1 microsecond' PRECEDING),
                   peers_so_far AS (PARTITION BY user_id, ts ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
        features AS (
            -- Sums are exact (cents in bigint, numeric results); only the last division and square root are
            -- double precision.
            SELECT w.record_id, w.user_id, w.n_24h, w.n_7d, w.off_hours_7d, w.max_amount_30d,
                   w.bank_connections_count_24h, w.merchant_risk_score,
                   CASE WHEN w.amount_30d > 0 THEN w.amount::double precision * w.n_30d / w.amount_30d::double precision
                        ELSE 1.0 END AS amount_ratio,
                   CASE WHEN w.n_30d < 2 OR w.n_30d * w.balance_sq_30d - w.balance_30d * w.balance_30d <= 0 THEN 0.0
                        ELSE (w.n_30d * w.balance - w.balance_30d)::double precision / w.n_30d
                             / sqrt((w.n_30d * w.balance_sq_30d - w.balance_30d * w.balance_30d)::double precision
                                    / (w.n_30d * (w.n_30d - 1)))
                   END AS balance_z
            FROM windows w
            WHERE NOT EXISTS (SELECT FROM %1$I.feature_snapshots f WHERE f.record_id = w.record_id))
        SELECT record_id, user_id, n_24h AS velocity_24h, amount_ratio AS amount_to_avg_ratio_30d,
               balance_z AS balance_volatility_z_score,
               jsonb_build_object('velocity_7d', n_7d, 'max_amount_30d', max_amount_30d::double precision,
                                  'off_hours_count_7d', off_hours_7d, 'bank_connections_24h', bank_connections_count_24h,
                                  'merchant_risk_score', merchant_risk_score) AS experimental_signals
        FROM features
        $query$, target_schema);
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_feature_query(name) IS
'The point-in-time feature query that synth_materialize_features runs for target_schema, as SQL text: the feature_snapshots rows (record_id, user_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals) of every record without a snapshot.';

CREATE FUNCTION @extschema@.synth_materialize_features(target_schema name DEFAULT pg_catalog.current_schema())
RETURNS TABLE (materialized bigint, users bigint, elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    started timestamptz := clock_timestamp();
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.generated_records', target_schema)) IS NULL
       OR to_regclass(format('%I.feature_snapshots', target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" holds no synthgen tables', target_schema
            USING ERRCODE = 'undefined_table', HINT = 'Run synth_seed() or synth_init() first.';
    END IF;
    EXECUTE format('INSERT INTO %I.feature_snapshots (record_id, user_id, velocity_24h, amount_to_avg_ratio_30d, '
                   'balance_volatility_z_score, experimental_signals) ', target_schema)
            || @extschema@.synth_feature_query(target_schema);
    GET DIAGNOSTICS materialized = ROW_COUNT;
    EXECUTE format('SELECT count(DISTINCT user_id) FROM %I.feature_snapshots', target_schema) INTO users;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_materialize_features(name) IS
'Fills feature_snapshots for every record of generated_records in target_schema that has none, with point-in-time correct window features (the query of synth_feature_query): each uses only the same user''s records at or before it in (transaction_timestamp, id) order. Incremental: later calls add only new records, whose windows still see the full history.';

CREATE FUNCTION @extschema@.synth_training_split(
    cutoff timestamptz,
    target_schema name DEFAULT pg_catalog.current_schema())
RETURNS TABLE (
    record_id varchar,
    user_id varchar,
    transaction_timestamp timestamptz,
    split text,
    label boolean,
    velocity_24h integer,
    amount_to_avg_ratio_30d double precision,
    balance_volatility_z_score double precision,
    experimental_signals jsonb,
    is_fraudulent boolean,
    fraud_confirmed_at timestamptz)
LANGUAGE plpgsql STABLE CALLED ON NULL INPUT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF cutoff IS NULL THEN
        RAISE EXCEPTION 'cutoff must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.generated_records', target_schema)) IS NULL
       OR to_regclass(format('%I.evaluation_metadata', target_schema)) IS NULL
       OR to_regclass(format('%I.feature_snapshots', target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" holds no synthgen tables', target_schema
            USING ERRCODE = 'undefined_table', HINT = 'Run synth_seed() or synth_init() first.';
    END IF;
    -- train: before the cutoff and train-eligible, labelled fraud only if confirmed by the cutoff (what a model
    -- trained at the cutoff could know); test: at or after the cutoff, labelled as known at the simulation date.
    RETURN QUERY EXECUTE format($split$
        SELECT r.record_id, r.user_id, r.transaction_timestamp,
               CASE WHEN r.transaction_timestamp < $1 THEN 'train' ELSE 'test' END,
               CASE WHEN r.transaction_timestamp < $1
                    THEN r.is_fraudulent AND m.fraud_confirmed_at <= $1
                    ELSE r.is_fraudulent END,
               f.velocity_24h, f.amount_to_avg_ratio_30d, f.balance_volatility_z_score, f.experimental_signals,
               r.is_fraudulent, m.fraud_confirmed_at
        FROM %1$I.generated_records r
        JOIN %1$I.evaluation_metadata m USING (record_id)
        LEFT JOIN %1$I.feature_snapshots f USING (record_id)
        WHERE r.transaction_timestamp >= $1 OR m.is_train_eligible
        $split$, target_schema)
    USING cutoff;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_training_split(timestamptz, name) IS
'Splits the records of target_schema at cutoff by the knowledge horizon: train = before the cutoff and train-eligible, labelled fraud only if confirmed by the cutoff; test = at or after the cutoff, labelled with is_fraudulent. Features come from feature_snapshots (NULL where not materialised).';

CREATE FUNCTION @extschema@.synth_report(
    target_schema name DEFAULT pg_catalog.current_schema(),
    cutoff timestamptz DEFAULT NULL::timestamptz)
RETURNS TABLE (section text, subject text, metric text, value numeric)
LANGUAGE plpgsql STABLE CALLED ON NULL INPUT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    split_at timestamptz := cutoff;
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.generated_records', target_schema)) IS NULL
       OR to_regclass(format('%I.evaluation_metadata', target_schema)) IS NULL
       OR to_regclass(format('%I.feature_snapshots', target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" holds no synthgen tables', target_schema
            USING ERRCODE = 'undefined_table', HINT = 'Run synth_seed() or synth_init() first.';
    END IF;
    IF split_at IS NULL THEN
        EXECUTE format('SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY transaction_timestamp) FROM %I.generated_records',
                       target_schema) INTO split_at;
    END IF;

    -- 1. Patterns: users, fraud events, and how many are confirmed by the simulation date.
    RETURN QUERY EXECUTE format($q$
        SELECT 'patterns', coalesce(m.true_fraud_type::text, 'all'), x.metric, x.value
        FROM (SELECT true_fraud_type, count(*) AS events, count(*) FILTER (WHERE r.is_fraudulent) AS confirmed
              FROM %1$I.evaluation_metadata m JOIN %1$I.generated_records r USING (record_id)
              WHERE m.is_fraud_event GROUP BY ROLLUP (true_fraud_type)) m,
             LATERAL (VALUES ('fraud events', m.events::numeric), ('confirmed by the simulation date', m.confirmed),
                             ('not yet confirmed', m.events - m.confirmed)) x(metric, value)
        ORDER BY m.true_fraud_type NULLS LAST, x.metric
        $q$, target_schema);

    -- 2. Fraud rate by day: fraud events (ground truth) and observed fraud labels per record of the day.
    RETURN QUERY EXECUTE format($q$
        SELECT 'fraud rate by day', to_char(date_trunc('day', r.transaction_timestamp AT TIME ZONE 'UTC'), 'YYYY-MM-DD'),
               x.metric, x.value
        FROM (SELECT date_trunc('day', r.transaction_timestamp AT TIME ZONE 'UTC') AS day, min(r.transaction_timestamp) AS transaction_timestamp,
                     count(*) AS records, count(*) FILTER (WHERE m.is_fraud_event) AS events,
                     count(*) FILTER (WHERE r.is_fraudulent) AS labelled
              FROM %1$I.generated_records r JOIN %1$I.evaluation_metadata m USING (record_id) GROUP BY 1) r,
             LATERAL (VALUES ('records', r.records::numeric),
                             ('fraud event rate', round(r.events::numeric / r.records, 6)),
                             ('labelled fraud rate', round(r.labelled::numeric / r.records, 6))) x(metric, value)
        ORDER BY r.day, x.metric
        $q$, target_schema);

    -- 3. Label delay: days from the fraud event to its confirmation.
    RETURN QUERY EXECUTE format($q$
        SELECT 'label delay (days)', 'all', x.metric, round(x.value::numeric, 3)
        FROM (SELECT avg(d) AS mean, percentile_cont(0.1) WITHIN GROUP (ORDER BY d) AS p10,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS p50,
                     percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS p90, max(d) AS maximum
              FROM (SELECT extract(epoch FROM m.fraud_confirmed_at - r.transaction_timestamp) / 86400 AS d
                    FROM %1$I.evaluation_metadata m JOIN %1$I.generated_records r USING (record_id)
                    WHERE m.is_fraud_event) e) q,
             LATERAL (VALUES ('mean', q.mean), ('p10', q.p10), ('median', q.p50), ('p90', q.p90), ('max', q.maximum)) x(metric, value)
        $q$, target_schema);

    -- 4. Train/test label lag at the cutoff (default: the median transaction time).
    RETURN QUERY EXECUTE format($q$
        SELECT 'label lag at ' || to_char($1 AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC', x.subject, x.metric, x.value
        FROM (SELECT count(*) FILTER (WHERE m.is_fraud_event AND r.transaction_timestamp < $1) AS train_events,
                     count(*) FILTER (WHERE m.is_fraud_event AND r.transaction_timestamp < $1 AND m.fraud_confirmed_at <= $1) AS train_labelled,
                     count(*) FILTER (WHERE m.is_fraud_event AND r.transaction_timestamp >= $1) AS test_events,
                     count(*) FILTER (WHERE r.transaction_timestamp >= $1 AND r.is_fraudulent) AS test_labelled
              FROM %1$I.generated_records r JOIN %1$I.evaluation_metadata m USING (record_id)) q,
             LATERAL (VALUES ('train', 'fraud events', q.train_events::numeric), ('train', 'labelled fraud', q.train_labelled),
                             ('train', 'share unlabelled', round(1 - q.train_labelled::numeric / nullif(q.train_events, 0), 4)),
                             ('test', 'fraud events', q.test_events), ('test', 'labelled fraud', q.test_labelled),
                             ('test', 'share unlabelled', round(1 - q.test_labelled::numeric / nullif(q.test_events, 0), 4))) x(subject, metric, value)
        $q$, target_schema) USING split_at;

    -- 5. Single-feature ROC AUC, each pattern's fraud events against the records of legitimate users:
    -- AUC = sum over positives of (negatives below + half the negatives tied) / (positives x negatives).
    -- 0.5 means the feature says nothing; near 0 or 1, it gives the pattern away on its own.
    RETURN QUERY EXECUTE format($q$
        WITH legitimate_users AS (
            SELECT user_id FROM %1$I.evaluation_metadata GROUP BY user_id HAVING NOT bool_or(is_fraud_event)),
        labelled AS (
            SELECT m.true_fraud_type AS pattern, r.*, f.velocity_24h, f.amount_to_avg_ratio_30d,
                   f.balance_volatility_z_score AS feature_balance_z, f.experimental_signals
            FROM %1$I.generated_records r
            JOIN %1$I.evaluation_metadata m USING (record_id)
            LEFT JOIN %1$I.feature_snapshots f USING (record_id)
            WHERE m.is_fraud_event OR r.user_id IN (SELECT user_id FROM legitimate_users)),
        observations AS (
            SELECT l.pattern, v.feature, v.x
            FROM labelled l,
                 LATERAL (VALUES ('amount', l.amount::double precision),
                                 ('available_balance', l.available_balance::double precision),
                                 ('balance_to_transaction_ratio', l.balance_to_transaction_ratio),
                                 ('avg_available_balance_30d', l.avg_available_balance_30d::double precision),
                                 ('balance_volatility_z_score', l.balance_volatility_z_score),
                                 ('bank_connections_count_24h', l.bank_connections_count_24h::double precision),
                                 ('bank_connections_count_7d', l.bank_connections_count_7d::double precision),
                                 ('amount_to_avg_ratio', l.amount_to_avg_ratio),
                                 ('merchant_risk_score', l.merchant_risk_score::double precision),
                                 ('is_off_hours_txn', l.is_off_hours_txn::integer::double precision),
                                 ('velocity_24h', l.velocity_24h::double precision),
                                 ('amount_to_avg_ratio_30d', l.amount_to_avg_ratio_30d),
                                 ('velocity_7d', (l.experimental_signals ->> 'velocity_7d')::double precision),
                                 ('max_amount_30d', (l.experimental_signals ->> 'max_amount_30d')::double precision))
                         v(feature, x)
            WHERE v.x IS NOT NULL),
        ranked AS (
            SELECT pattern, feature,
                   count(*) FILTER (WHERE pattern IS NULL) OVER (PARTITION BY feature ORDER BY x
                                                                  RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                 - count(*) FILTER (WHERE pattern IS NULL) OVER (PARTITION BY feature, x) AS negatives_below,
                   count(*) FILTER (WHERE pattern IS NULL) OVER (PARTITION BY feature, x) AS negatives_tied,
                   count(*) FILTER (WHERE pattern IS NULL) OVER (PARTITION BY feature) AS negatives
            FROM observations)
        SELECT 'single-feature ROC AUC', pattern::text, feature,
               round(sum(negatives_below + 0.5 * negatives_tied) / (count(*) * max(negatives)), 3)
        FROM ranked WHERE pattern IS NOT NULL AND negatives > 0
        GROUP BY pattern, feature ORDER BY pattern, feature
        $q$, target_schema);
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_report(name, timestamptz) IS
'A readable realism and leakage report for the synthgen tables in target_schema: fraud events per pattern, fraud rate by day, label-delay quantiles, train/test label lag at cutoff (default: the median transaction time), and for every numeric feature and pattern the single-feature ROC AUC of fraud events against legitimate users'' records.';

CREATE FUNCTION @extschema@.synth_generate_graph_nodes_support(internal)
RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_graph_nodes_support';

COMMENT ON FUNCTION @extschema@.synth_generate_graph_nodes_support(internal) IS
'Planner support for synth_generate_graph_nodes: estimates its row count from n.';

CREATE FUNCTION @extschema@.synth_generate_graph_edges_support(internal)
RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_graph_edges_support';

COMMENT ON FUNCTION @extschema@.synth_generate_graph_edges_support(internal) IS
'Planner support for synth_generate_graph_edges: estimates its row count from n.';

CREATE FUNCTION @extschema@.synth_generate_graph_nodes(
    n bigint,
    seed bigint DEFAULT NULL::bigint,
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    device_rings bigint DEFAULT 2::bigint,
    ip_clusters bigint DEFAULT 2::bigint,
    kiting_cycles bigint DEFAULT 1::bigint,
    kiting_cycle_length integer DEFAULT 3,
    first_user bigint DEFAULT 0::bigint,
    world_size bigint DEFAULT NULL::bigint)
RETURNS TABLE (
    node_id text,
    node_type text,
    name text,
    email text,
    phone text,
    fingerprint text,
    device_type text,
    os text,
    user_agent text,
    account_number text,
    account_type text,
    balance numeric,
    ip_address inet,
    is_vpn boolean,
    country text,
    pattern text,
    structure_id bigint)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_generate_graph_nodes_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_graph_nodes';

COMMENT ON FUNCTION @extschema@.synth_generate_graph_nodes(bigint, bigint, timestamptz, bigint, bigint, bigint, integer, bigint, bigint) IS
'The nodes (user, device, account, ip_address) owned by users [first_user, first_user + n) of a graph world of world_size users: the same users (ids, names, emails, phones) as synth_generate_users with the same seed, their own devices, accounts and IPs, and the fraud structures (device_sharing rings, ip_recycling clusters, kiting cycles) with pattern and structure_id as ground truth. Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_generate_graph_edges(
    n bigint,
    seed bigint DEFAULT NULL::bigint,
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    device_rings bigint DEFAULT 2::bigint,
    ip_clusters bigint DEFAULT 2::bigint,
    kiting_cycles bigint DEFAULT 1::bigint,
    kiting_cycle_length integer DEFAULT 3,
    first_user bigint DEFAULT 0::bigint,
    world_size bigint DEFAULT NULL::bigint)
RETURNS TABLE (
    edge_type text,
    source_id text,
    target_id text,
    created_at timestamptz,
    access_count integer,
    session_count integer,
    amount numeric,
    hop_number integer,
    pattern text,
    structure_id bigint)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_generate_graph_edges_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_graph_edges';

COMMENT ON FUNCTION @extschema@.synth_generate_graph_edges(bigint, bigint, timestamptz, bigint, bigint, bigint, integer, bigint, bigint) IS
'The edges (uses_device, has_account, uses_ip, transfers_to) owned by users [first_user, first_user + n) of the graph world synth_generate_graph_nodes describes, each with its timestamp, and pattern and structure_id as ground truth on the fraud structures.';

CREATE FUNCTION @extschema@.synth_seed_graph(
    users bigint DEFAULT 100::bigint,
    seed bigint DEFAULT NULL::bigint,
    drop_tables boolean DEFAULT false,
    target_schema name DEFAULT pg_catalog.current_schema(),
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    device_rings bigint DEFAULT 2::bigint,
    ip_clusters bigint DEFAULT 2::bigint,
    kiting_cycles bigint DEFAULT 1::bigint,
    kiting_cycle_length integer DEFAULT 3)
RETURNS TABLE (nodes bigint, edges bigint, seed_used bigint, elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    started timestamptz := clock_timestamp();
    existing integer;
BEGIN
    IF users IS NULL OR drop_tables IS NULL OR target_schema IS NULL THEN
        RAISE EXCEPTION '% must not be NULL',
            CASE WHEN users IS NULL THEN 'users' WHEN drop_tables IS NULL THEN 'drop_tables' ELSE 'target_schema' END
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = target_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', target_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    seed_used := seed;
    IF seed_used IS NULL THEN
        seed_used := @extschema@.synth_random_seed();
        RAISE NOTICE 'seed is NULL, using seed %', seed_used
            USING HINT = format('Pass seed => %s to reproduce this graph (and the same users'' transactions).', seed_used);
    END IF;

    SELECT count(*) INTO existing FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target_schema AND c.relname IN ('graph_nodes', 'graph_edges');
    IF existing > 0 AND drop_tables THEN
        EXECUTE format('DROP TABLE %1$I.graph_edges, %1$I.graph_nodes', target_schema);
        existing := 0;
    ELSIF existing = 1 THEN
        RAISE EXCEPTION 'schema "%" holds only one of graph_nodes and graph_edges', target_schema
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Pass drop_tables => true to recreate them.';
    END IF;
    IF existing = 0 THEN
        EXECUTE format($ddl$
            CREATE TABLE %1$I.graph_nodes (
                node_id varchar(20) PRIMARY KEY,
                node_type varchar(20) NOT NULL,
                name varchar(255),
                email varchar(255),
                phone varchar(50),
                fingerprint varchar(32),
                device_type varchar(20),
                os varchar(20),
                user_agent text,
                account_number varchar(20),
                account_type varchar(20),
                balance numeric(18,2),
                ip_address inet,
                is_vpn boolean,
                country varchar(2),
                pattern varchar(20),
                structure_id bigint)
            $ddl$, target_schema);
        EXECUTE format('CREATE INDEX ix_graph_nodes_node_type ON %1$I.graph_nodes (node_type)', target_schema);
        EXECUTE format('CREATE INDEX ix_graph_nodes_pattern ON %1$I.graph_nodes (pattern, structure_id)', target_schema);
        EXECUTE format($ddl$
            CREATE TABLE %1$I.graph_edges (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                edge_type varchar(20) NOT NULL,
                source_id varchar(20) NOT NULL,
                target_id varchar(20) NOT NULL,
                created_at timestamptz NOT NULL,
                access_count integer,
                session_count integer,
                amount numeric(18,2),
                hop_number integer,
                pattern varchar(20),
                structure_id bigint)
            $ddl$, target_schema);
        EXECUTE format('CREATE INDEX ix_graph_edges_source_id ON %1$I.graph_edges (source_id)', target_schema);
        EXECUTE format('CREATE INDEX ix_graph_edges_target_id ON %1$I.graph_edges (target_id)', target_schema);
        EXECUTE format('CREATE INDEX ix_graph_edges_pattern ON %1$I.graph_edges (pattern, structure_id)', target_schema);
        EXECUTE format($ddl$COMMENT ON TABLE %1$I.graph_nodes IS
            'synthgen: users, devices, accounts and IP addresses of the graph world; pattern/structure_id are ground truth'$ddl$,
            target_schema);
        EXECUTE format($ddl$COMMENT ON TABLE %1$I.graph_edges IS
            'synthgen: uses_device, has_account, uses_ip and transfers_to edges of the graph world; pattern/structure_id are ground truth'$ddl$,
            target_schema);
    END IF;

    EXECUTE format('INSERT INTO %I.graph_nodes SELECT * FROM @extschema@.synth_generate_graph_nodes($1, $2, $3, $4, $5, $6, $7)',
                   target_schema)
    USING users, seed_used, simulation_date, device_rings, ip_clusters, kiting_cycles, kiting_cycle_length;
    GET DIAGNOSTICS nodes = ROW_COUNT;
    EXECUTE format($fill$
        INSERT INTO %I.graph_edges (edge_type, source_id, target_id, created_at, access_count, session_count, amount,
                                    hop_number, pattern, structure_id)
        SELECT * FROM @extschema@.synth_generate_graph_edges($1, $2, $3, $4, $5, $6, $7)
        $fill$, target_schema)
    USING users, seed_used, simulation_date, device_rings, ip_clusters, kiting_cycles, kiting_cycle_length;
    GET DIAGNOSTICS edges = ROW_COUNT;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_seed_graph(bigint, bigint, boolean, name, timestamptz, bigint, bigint, bigint, integer) IS
'Creates graph_nodes and graph_edges in target_schema if needed (drop_tables recreates them) and fills them with the graph world of users users; pass the seed given to synth_seed so that the graph''s users are the users of generated_records. Returns the node and edge counts and the seed used.';
