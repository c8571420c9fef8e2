-- synthgen 0.2 -> 0.3: a bulk path for the first feature materialisation.
-- Every object is qualified with @extschema@; functions written in SQL or PL/pgSQL pin their search_path.

\echo Use "ALTER EXTENSION synthgen UPDATE TO '0.3'" to load this file. \quit

DROP FUNCTION @extschema@.synth_feature_query(name);

CREATE FUNCTION @extschema@.synth_feature_query(
    target_schema name DEFAULT pg_catalog.current_schema(),
    pending_only boolean DEFAULT true)
RETURNS text
LANGUAGE plpgsql STABLE CALLED ON NULL INPUT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF pending_only IS NULL THEN
        RAISE EXCEPTION 'pending_only must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- Each window is the records with an earlier timestamp in the window (a RANGE frame ending 1 microsecond
    -- before, so aggregates can move incrementally), plus the same-timestamp records up to this one in id order:
    -- exactly the user's records at or before this one in (transaction_timestamp, id) order. With pending_only,
    -- only records without a snapshot are returned, but their windows see each affected user's whole history;
    -- without it, every record is returned (what the first materialisation of a schema needs).
    RETURN format($query$
        WITH %2$s
        history AS (
            SELECT r.id, r.record_id, r.user_id, r.transaction_timestamp AS ts, r.amount,
                   (r.available_balance * 100)::bigint AS balance,
                   r.is_off_hours_txn::integer AS off_hours, r.bank_connections_count_24h, r.merchant_risk_score
            FROM %1$I.generated_records r %3$s),
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
            %4$s)
        SELECT record_id, user_id, n_24h AS velocity_24h, amount_ratio AS amount_to_avg_ratio_30d,
               balance_z AS balance_volatility_z_score,
               jsonb_build_object('velocity_7d', n_7d, 'max_amount_30d', max_amount_30d::double precision,
                                  'off_hours_count_7d', off_hours_7d, 'bank_connections_24h', bank_connections_count_24h,
                                  'merchant_risk_score', merchant_risk_score) AS experimental_signals
        FROM features
        $query$,
        target_schema,
        CASE WHEN pending_only THEN format($pending$pending_users AS (
            SELECT DISTINCT r.user_id FROM %1$I.generated_records r
            WHERE NOT EXISTS (SELECT FROM %1$I.feature_snapshots f WHERE f.record_id = r.record_id)),$pending$,
            target_schema) ELSE '' END,
        CASE WHEN pending_only THEN 'JOIN pending_users USING (user_id)' ELSE '' END,
        CASE WHEN pending_only THEN format('WHERE NOT EXISTS (SELECT FROM %I.feature_snapshots f WHERE f.record_id = w.record_id)',
                                           target_schema) ELSE '' END);
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_feature_query(name, boolean) IS
'The point-in-time feature query of synth_materialize_features for target_schema, as SQL text: the feature_snapshots rows (record_id, user_id, velocity_24h, amount_to_avg_ratio_30d, balance_volatility_z_score, experimental_signals) of every record without a snapshot (pending_only, the default), or of every record.';

CREATE OR REPLACE FUNCTION @extschema@.synth_materialize_features(target_schema name DEFAULT pg_catalog.current_schema())
RETURNS TABLE (materialized bigint, users bigint, elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    started timestamptz := clock_timestamp();
    snapshots regclass;
    bulk boolean;
    restore text[] := '{}';
    item record;
    statement text;
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.generated_records', target_schema)) IS NULL
       OR to_regclass(format('%I.feature_snapshots', target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" holds no synthgen tables', target_schema
            USING ERRCODE = 'undefined_table', HINT = 'Run synth_seed() or synth_init() first.';
    END IF;
    snapshots := format('%I.feature_snapshots', target_schema)::regclass;

    -- The bulk path, for the first materialisation into an empty feature_snapshots the caller owns: like a
    -- restore, drop the secondary indexes and foreign keys, insert every record's features, then rebuild them
    -- from their own definitions (one index build and one foreign-key check instead of per-row maintenance).
    -- Indexes that other objects depend on, or that are clustered, replica identity, invalid or in another
    -- tablespace, stay as they are. All of it is one transaction: an error or cancel leaves the table untouched.
    EXECUTE format('SELECT NOT EXISTS (SELECT FROM %s)', snapshots) INTO bulk;
    IF bulk AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = snapshots), 'USAGE') THEN
        EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', snapshots);
        EXECUTE format('SELECT NOT EXISTS (SELECT FROM %s)', snapshots) INTO bulk;
    ELSE
        bulk := false;
    END IF;

    IF bulk THEN
        FOR item IN
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', snapshots, c.conname) AS drop_statement,
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', snapshots, c.conname, pg_get_constraintdef(c.oid)) AS create_statement,
                   format('COMMENT ON CONSTRAINT %I ON %s IS %L', c.conname, snapshots, obj_description(c.oid, 'pg_constraint')) AS comment_statement,
                   1 AS phase
            FROM pg_constraint c
            WHERE c.conrelid = snapshots AND c.contype = 'f'
            UNION ALL
            SELECT CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                        ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', snapshots, c.conname) END,
                   CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                        ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', snapshots, c.conname, pg_get_constraintdef(c.oid)) END,
                   concat_ws('; ',
                             format('COMMENT ON INDEX %s IS %L', i.indexrelid::regclass, obj_description(i.indexrelid, 'pg_class')),
                             CASE WHEN c.oid IS NOT NULL
                                  THEN format('COMMENT ON CONSTRAINT %I ON %s IS %L', c.conname, snapshots, obj_description(c.oid, 'pg_constraint')) END),
                   0
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
            WHERE i.indrelid = snapshots AND NOT i.indisprimary AND i.indisvalid AND NOT i.indisclustered
              AND NOT i.indisreplident AND ic.reltablespace = 0 AND (c.oid IS NULL OR c.contype = 'u')
              AND NOT EXISTS (SELECT FROM pg_depend d
                              WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid AND d.deptype = 'n')
            ORDER BY phase
        LOOP
            EXECUTE item.drop_statement;
            restore := restore || item.create_statement || item.comment_statement;
        END LOOP;
    END IF;

    EXECUTE format('INSERT INTO %s (record_id, user_id, velocity_24h, amount_to_avg_ratio_30d, '
                   'balance_volatility_z_score, experimental_signals) ', snapshots)
            || @extschema@.synth_feature_query(target_schema, pending_only => NOT bulk);
    GET DIAGNOSTICS materialized = ROW_COUNT;

    -- Unique indexes first, then foreign keys (phase order above), each followed by its comments.
    FOREACH statement IN ARRAY restore LOOP
        IF statement <> '' THEN
            EXECUTE statement;
        END IF;
    END LOOP;

    EXECUTE format('SELECT count(DISTINCT user_id) FROM %s', snapshots) INTO users;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_materialize_features(name) IS
'Fills feature_snapshots for every record of generated_records in target_schema that has none, with point-in-time correct window features (the query of synth_feature_query): each uses only the same user''s records at or before it in (transaction_timestamp, id) order. Incremental: later calls add only new records, whose windows still see the full history. The first call into an empty table the caller owns drops and rebuilds its secondary indexes and foreign keys around the insert, as a restore does.';
