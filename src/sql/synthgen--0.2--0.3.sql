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

CREATE FUNCTION @extschema@.synth_detach_indexes(target regclass)
RETURNS text[]
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    restore text[] := '{}';
    item record;
BEGIN
    -- Indexes, primary keys and unique constraints first, then foreign keys: the order in which to rebuild them.
    -- Indexes that other objects depend on (another table's foreign key), or that are clustered, replica
    -- identity, invalid or in another tablespace, stay.
    FOR item IN
        SELECT CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                    ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', target, c.conname) END AS drop_statement,
               CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                    ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', target, c.conname, pg_get_constraintdef(c.oid)) END
                   AS create_statement,
               concat_ws('; ',
                         format('COMMENT ON INDEX %s IS %L', i.indexrelid::regclass, obj_description(i.indexrelid, 'pg_class')),
                         CASE WHEN c.oid IS NOT NULL
                              THEN format('COMMENT ON CONSTRAINT %I ON %s IS %L', c.conname, target, obj_description(c.oid, 'pg_constraint')) END)
                   AS comment_statement,
               0 AS phase
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
        WHERE i.indrelid = target AND i.indisvalid AND NOT i.indisclustered
          AND NOT i.indisreplident AND ic.reltablespace = 0 AND (c.oid IS NULL OR c.contype IN ('p', 'u'))
          AND NOT EXISTS (SELECT FROM pg_depend d
                          WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid AND d.deptype = 'n')
        UNION ALL
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', target, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', target, c.conname, pg_get_constraintdef(c.oid)),
               format('COMMENT ON CONSTRAINT %I ON %s IS %L', c.conname, target, obj_description(c.oid, 'pg_constraint')),
               1
        FROM pg_constraint c
        WHERE c.conrelid = target AND c.contype = 'f'
        ORDER BY phase
    LOOP
        EXECUTE item.drop_statement;
        restore := restore || item.create_statement || item.comment_statement;
    END LOOP;
    RETURN restore;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_detach_indexes(regclass) IS
'Drops the indexes, primary key, unique constraints and foreign keys of target and returns the statements that rebuild them (with their comments), in order, for synth_run_statements: the fillers'' bulk path for a table they are about to load while empty. Indexes that other objects depend on, and clustered, replica-identity, invalid or other-tablespace indexes stay.';

CREATE FUNCTION @extschema@.synth_run_statements(statements text[])
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    statement text;
BEGIN
    FOREACH statement IN ARRAY statements LOOP
        IF statement <> '' THEN
            EXECUTE statement;
        END IF;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_run_statements(text[]) IS
'Runs the statements synth_detach_indexes returned, in order: rebuilds what it dropped.';

-- One filler per schema at a time: every function that creates or fills synthgen tables takes this lock first,
-- so two fills of one schema never race to create the same tables (a pg_type unique violation) or to load the
-- same rows; the second waits and then sees what the first committed.
CREATE FUNCTION @extschema@.synth_lock_schema(target_schema name)
RETURNS void
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_lock_schema';

COMMENT ON FUNCTION @extschema@.synth_lock_schema(name) IS
'Takes, until the end of the transaction, the lock every synthgen filler (synth_init, synth_seed, synth_materialize_features, synth_seed_graph, synth_card_init, synth_card_backfill, synth_card_incremental) takes first on its target schema: an EXCLUSIVE lock on the schema, which makes fills of one schema wait for each other but not ordinary commands, and an ACCESS SHARE lock on the extension, which makes DROP EXTENSION wait for running fills. Needs USAGE on the schema. A fill that had to wait sees what the other committed; in a REPEATABLE READ or SERIALIZABLE transaction, whose snapshot cannot, it fails with 40001 instead.';

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
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.generated_records', target_schema)) IS NULL
       OR to_regclass(format('%I.feature_snapshots', target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" holds no synthgen tables', target_schema
            USING ERRCODE = 'undefined_table', HINT = 'Run synth_seed() or synth_init() first.';
    END IF;
    -- A concurrent materialisation of this schema finishes first; this one then adds only what is still missing.
    PERFORM @extschema@.synth_lock_schema(target_schema);
    snapshots := format('%I.feature_snapshots', target_schema)::regclass;

    -- The bulk path, for the first materialisation into an empty feature_snapshots the caller owns: like a
    -- restore, drop the secondary indexes and foreign keys (synth_detach_indexes), insert every record's
    -- features, then rebuild them from their own definitions (one index build and one foreign-key check instead
    -- of per-row maintenance). All of it is one transaction: an error or cancel leaves the table untouched.
    EXECUTE format('SELECT NOT EXISTS (SELECT FROM %s)', snapshots) INTO bulk;
    IF bulk AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = snapshots), 'USAGE') THEN
        EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', snapshots);
        EXECUTE format('SELECT NOT EXISTS (SELECT FROM %s)', snapshots) INTO bulk;
    ELSE
        bulk := false;
    END IF;

    IF bulk THEN
        restore := @extschema@.synth_detach_indexes(snapshots);
    END IF;

    EXECUTE format('INSERT INTO %s (record_id, user_id, velocity_24h, amount_to_avg_ratio_30d, '
                   'balance_volatility_z_score, experimental_signals) ', snapshots)
            || @extschema@.synth_feature_query(target_schema, pending_only => NOT bulk);
    GET DIAGNOSTICS materialized = ROW_COUNT;

    PERFORM @extschema@.synth_run_statements(restore);

    EXECUTE format('SELECT count(DISTINCT user_id) FROM %s', snapshots) INTO users;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_materialize_features(name) IS
'Fills feature_snapshots for every record of generated_records in target_schema that has none, with point-in-time correct window features (the query of synth_feature_query): each uses only the same user''s records at or before it in (transaction_timestamp, id) order. Incremental: later calls add only new records, whose windows still see the full history. The first call into an empty table the caller owns drops and rebuilds its secondary indexes and foreign keys around the insert, as a restore does.';

-- The bulk path for the user world: synth_seed loads generated_records and evaluation_metadata from one
-- generation, the way COPY loads a table.

CREATE FUNCTION @extschema@.synth_insert_users(
    records regclass,
    metadata regclass,
    n bigint,
    fraud_rate double precision DEFAULT 0.05::double precision,
    seed bigint DEFAULT NULL::bigint,
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    legacy boolean DEFAULT false,
    patterns text[] DEFAULT '{liquidity_crunch,link_burst,ato,bust_out,sleeper_ato}'::text[],
    first_user bigint DEFAULT 0::bigint,
    world_size bigint DEFAULT NULL::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_users';

COMMENT ON FUNCTION @extschema@.synth_insert_users(regclass, regclass, bigint, double precision, bigint, timestamptz, boolean, text[], bigint, bigint) IS
'Loads the rows synth_generate_users returns for the same arguments into records and metadata (each table takes the columns it names, as generated_records and evaluation_metadata do) from one generation, the way COPY FROM does: multi-inserts through a bulk-insert state, indexes maintained, NOT NULL and CHECK constraints checked, other columns from their defaults. Returns the number of records. Refuses tables with insert triggers (foreign keys included), row-level security, deferrable unique constraints, stored generated columns, or that are not plain tables; needs INSERT on both.';

-- synth_init takes the schema's fill lock (synth_lock_schema), so that two sessions creating the tables of one
-- schema at once run one after the other: the second finds the first's tables (42P07, or replaces them with
-- drop_existing) instead of failing on a pg_type unique violation.
CREATE OR REPLACE FUNCTION @extschema@.synth_init(
    target_schema name DEFAULT pg_catalog.current_schema(),
    drop_existing boolean DEFAULT false)
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    existing integer;
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF drop_existing IS NULL THEN
        RAISE EXCEPTION 'drop_existing must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = target_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', target_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    -- A concurrent fill of this schema finishes first (synth_lock_schema); what follows sees what it committed.
    PERFORM @extschema@.synth_lock_schema(target_schema);

    SELECT count(*) INTO existing
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target_schema
      AND c.relname IN ('generated_records', 'evaluation_metadata', 'feature_snapshots');
    IF existing > 0 AND NOT drop_existing THEN
        RAISE EXCEPTION 'synthgen tables already exist in schema "%"', target_schema
            USING ERRCODE = 'duplicate_table', HINT = 'Pass drop_existing => true to replace them.';
    END IF;
    IF existing > 0 THEN
        EXECUTE (SELECT 'DROP TABLE ' || string_agg(format('%I.%I', target_schema, c.relname), ', ' ORDER BY c.relname)
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = target_schema
                   AND c.relname IN ('generated_records', 'evaluation_metadata', 'feature_snapshots'));
    END IF;

    EXECUTE format($ddl$
        CREATE TABLE %1$I.generated_records (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            record_id varchar(50) NOT NULL,
            user_id varchar(50) NOT NULL,
            full_name varchar(255) NOT NULL,
            email varchar(255) NOT NULL,
            phone varchar(50) NOT NULL,
            transaction_timestamp timestamptz NOT NULL,
            is_off_hours_txn boolean NOT NULL,
            available_balance numeric(18,2) NOT NULL,
            balance_to_transaction_ratio double precision NOT NULL,
            avg_available_balance_30d numeric(18,2) NOT NULL,
            balance_volatility_z_score double precision NOT NULL,
            bank_connections_count_24h integer NOT NULL,
            bank_connections_count_7d integer NOT NULL,
            bank_connections_avg_30d double precision NOT NULL,
            amount numeric(18,2) NOT NULL,
            amount_to_avg_ratio double precision NOT NULL,
            merchant_risk_score integer NOT NULL,
            is_returned boolean NOT NULL,
            email_changed_at timestamptz,
            phone_changed_at timestamptz,
            is_fraudulent boolean NOT NULL,
            fraud_type varchar(50),
            new_bank_connections integer NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT generated_records_record_id_key UNIQUE (record_id))
        $ddl$, target_schema);
    EXECUTE format('CREATE INDEX ix_generated_records_user_id ON %1$I.generated_records (user_id)', target_schema);
    EXECUTE format('CREATE INDEX ix_transaction_timestamp ON %1$I.generated_records (transaction_timestamp)', target_schema);
    EXECUTE format('CREATE INDEX ix_generated_records_is_fraudulent ON %1$I.generated_records (is_fraudulent)', target_schema);
    EXECUTE format('CREATE INDEX ix_fraud_type ON %1$I.generated_records (fraud_type)', target_schema);
    EXECUTE format($ddl$
        COMMENT ON TABLE %1$I.generated_records IS
        'synthgen: one row per transaction record of the user world; observable columns only (labels as known at the simulation date)'
        $ddl$, target_schema);
    EXECUTE format($ddl$
        COMMENT ON COLUMN %1$I.generated_records.new_bank_connections IS
        'bank connections the user added since the previous record, up to this one; the bank_connections_* columns are window sums of it'
        $ddl$, target_schema);

    EXECUTE format($ddl$
        CREATE TABLE %1$I.evaluation_metadata (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            user_id varchar(50) NOT NULL,
            record_id varchar(50) NOT NULL,
            sequence_number integer NOT NULL,
            fraud_confirmed_at timestamptz,
            is_pre_fraud boolean NOT NULL DEFAULT true,
            days_to_fraud double precision,
            is_train_eligible boolean NOT NULL DEFAULT true,
            is_fraud_event boolean NOT NULL DEFAULT false,
            true_fraud_type varchar(50),
            created_at timestamptz NOT NULL DEFAULT now())
        $ddl$, target_schema);
    EXECUTE format('CREATE INDEX ix_evaluation_metadata_user_id ON %1$I.evaluation_metadata (user_id)', target_schema);
    EXECUTE format('CREATE INDEX ix_evaluation_metadata_record_id ON %1$I.evaluation_metadata (record_id)', target_schema);
    EXECUTE format('CREATE INDEX ix_eval_user_sequence ON %1$I.evaluation_metadata (user_id, sequence_number)', target_schema);
    EXECUTE format('CREATE INDEX ix_eval_train_eligible ON %1$I.evaluation_metadata (is_train_eligible, is_pre_fraud)', target_schema);
    EXECUTE format($ddl$
        COMMENT ON TABLE %1$I.evaluation_metadata IS
        'synthgen: evaluation-only metadata and ground truth per record (never use as training features)'
        $ddl$, target_schema);

    EXECUTE format($ddl$
        CREATE TABLE %1$I.feature_snapshots (
            snapshot_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            record_id varchar(50) NOT NULL
                CONSTRAINT ix_feature_snapshots_record_id UNIQUE
                REFERENCES %1$I.generated_records (record_id) ON DELETE CASCADE,
            user_id varchar(50) NOT NULL,
            velocity_24h integer,
            amount_to_avg_ratio_30d double precision,
            balance_volatility_z_score double precision,
            experimental_signals jsonb,
            computed_at timestamptz NOT NULL DEFAULT now())
        $ddl$, target_schema);
    EXECUTE format('CREATE INDEX ix_feature_snapshots_user_id ON %1$I.feature_snapshots (user_id)', target_schema);
    EXECUTE format('CREATE INDEX ix_feature_snapshots_computed_at ON %1$I.feature_snapshots (computed_at)', target_schema);
    -- jsonb_path_ops rather than the original's default jsonb_ops: every document has the same five keys, so the
    -- key entries jsonb_ops adds match every row and no query can use them; path_ops indexes each key's value
    -- alone, serves the containment (@>) and jsonpath (@?, @@) queries, and builds about three times faster.
    EXECUTE format('CREATE INDEX ix_feature_snapshots_experimental_signals ON %1$I.feature_snapshots '
                   'USING gin (experimental_signals jsonb_path_ops)', target_schema);
    EXECUTE format($ddl$
        COMMENT ON TABLE %1$I.feature_snapshots IS
        'synthgen: point-in-time features per record, computed from generated_records'
        $ddl$, target_schema);

    RETURN NEXT format('%I.generated_records', target_schema)::regclass;
    RETURN NEXT format('%I.evaluation_metadata', target_schema)::regclass;
    RETURN NEXT format('%I.feature_snapshots', target_schema)::regclass;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_init(name, boolean) IS
'Creates generated_records, evaluation_metadata and feature_snapshots (the original schema, with its indexes and constraints) in target_schema, owned by the caller; drop_existing replaces existing ones. Takes the schema''s fill lock first (synth_lock_schema). Returns the tables created.';

-- synth_seed gains the chunk arguments of synth_generate_users (first_user, world_size), so that one world can be
-- seeded in parts, on one server or several (synth_seed_distributed).
DROP FUNCTION @extschema@.synth_seed(bigint, double precision, bigint, boolean, boolean, name, timestamptz, text[]);

CREATE FUNCTION @extschema@.synth_seed(
    users bigint DEFAULT 100::bigint,
    fraud_rate double precision DEFAULT 0.05::double precision,
    seed bigint DEFAULT NULL::bigint,
    legacy boolean DEFAULT false,
    drop_tables boolean DEFAULT false,
    target_schema name DEFAULT pg_catalog.current_schema(),
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    patterns text[] DEFAULT '{liquidity_crunch,link_burst,ato,bust_out,sleeper_ato}'::text[],
    first_user bigint DEFAULT 0::bigint,
    world_size bigint DEFAULT NULL::bigint)
RETURNS TABLE (
    users_generated bigint,
    records bigint,
    metadata_rows bigint,
    fraud_users bigint,
    liquidity_crunch_users bigint,
    link_burst_users bigint,
    ato_users bigint,
    bust_out_users bigint,
    sleeper_ato_users bigint,
    train_eligible bigint,
    evaluation_only bigint,
    seed_used bigint,
    elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
#variable_conflict use_column
DECLARE
    started timestamptz := clock_timestamp();
    existing integer;
    before_id bigint;
    restore text[] := '{}';
    restore_snapshots text[];
    records_table regclass;
    metadata_table regclass;
    snapshots_table regclass;
    empty_check text;
    empty boolean;
BEGIN
    IF users IS NULL THEN
        RAISE EXCEPTION 'users must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF users < 0 THEN
        RAISE EXCEPTION 'users must not be negative' USING ERRCODE = 'numeric_value_out_of_range';
    END IF;
    IF users > 1000000000000 THEN
        RAISE EXCEPTION 'users must be at most 1000000000000' USING ERRCODE = 'numeric_value_out_of_range';
    END IF;
    IF drop_tables IS NULL THEN
        RAISE EXCEPTION 'drop_tables must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    seed_used := seed;
    IF seed_used IS NULL THEN
        seed_used := @extschema@.synth_random_seed();
        RAISE NOTICE 'seed is NULL, using seed %', seed_used
            USING HINT = format('Pass seed => %s to reproduce this dataset.', seed_used);
    END IF;

    -- A concurrent fill of this schema finishes first (synth_lock_schema); what follows sees what it committed.
    PERFORM @extschema@.synth_lock_schema(target_schema);
    SELECT count(*) INTO existing
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target_schema
      AND c.relname IN ('generated_records', 'evaluation_metadata', 'feature_snapshots');
    IF drop_tables OR existing = 0 THEN
        PERFORM @extschema@.synth_init(target_schema, drop_tables);
    ELSIF existing < 3 THEN
        RAISE EXCEPTION 'schema "%" holds only some of the synthgen tables', target_schema
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Pass drop_tables => true to recreate them.';
    END IF;

    -- Empty tables the caller owns (new ones among them): build their secondary indexes after loading, as a
    -- restore does, which is faster than maintaining them row by row. feature_snapshots' foreign key goes too
    -- (it depends on the record_id index) and comes back last.
    records_table := format('%I.generated_records', target_schema)::regclass;
    metadata_table := format('%I.evaluation_metadata', target_schema)::regclass;
    snapshots_table := format('%I.feature_snapshots', target_schema)::regclass;
    empty_check := format('SELECT NOT EXISTS (SELECT FROM %s) AND NOT EXISTS (SELECT FROM %s) AND NOT EXISTS (SELECT FROM %s)',
                          records_table, metadata_table, snapshots_table);
    EXECUTE empty_check INTO empty;
    IF empty AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = records_table), 'USAGE')
       AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = metadata_table), 'USAGE')
       AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = snapshots_table), 'USAGE') THEN
        EXECUTE format('LOCK TABLE %s, %s, %s IN ACCESS EXCLUSIVE MODE', records_table, metadata_table, snapshots_table);
        EXECUTE empty_check INTO empty;
        IF empty THEN
            restore_snapshots := @extschema@.synth_detach_indexes(snapshots_table);
            restore := @extschema@.synth_detach_indexes(records_table) || @extschema@.synth_detach_indexes(metadata_table)
                       || restore_snapshots;
        END IF;
    END IF;

    -- One generation, loaded into both tables by the bulk path (as COPY loads); the summary counts the new
    -- metadata rows (ids above those already there).
    EXECUTE format('SELECT coalesce(max(id), 0) FROM %I.evaluation_metadata', target_schema) INTO before_id;
    records := @extschema@.synth_insert_users(records_table, metadata_table, users, fraud_rate, seed_used,
                                              simulation_date, legacy, patterns, first_user, world_size);
    PERFORM @extschema@.synth_run_statements(restore);
    EXECUTE format($count$
        SELECT count(*),
               count(true_fraud_type),
               count(*) FILTER (WHERE true_fraud_type = 'liquidity_crunch'),
               count(*) FILTER (WHERE true_fraud_type = 'link_burst'),
               count(*) FILTER (WHERE true_fraud_type = 'ato'),
               count(*) FILTER (WHERE true_fraud_type = 'bust_out'),
               count(*) FILTER (WHERE true_fraud_type = 'sleeper_ato'),
               count(*) FILTER (WHERE is_train_eligible),
               count(*) FILTER (WHERE NOT is_train_eligible)
        FROM %I.evaluation_metadata WHERE id > $1
        $count$, target_schema)
    INTO metadata_rows, fraud_users, liquidity_crunch_users, link_burst_users, ato_users,
         bust_out_users, sleeper_ato_users, train_eligible, evaluation_only
    USING before_id;

    users_generated := users;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;


COMMENT ON FUNCTION @extschema@.synth_seed(bigint, double precision, bigint, boolean, boolean, name, timestamptz, text[], bigint, bigint) IS
'The original "seed" command: creates the synthgen tables in target_schema if needed (drop_tables recreates them), generates users and loads generated_records and evaluation_metadata from one generation through the bulk path (synth_insert_users), within the calling transaction; into empty tables the caller owns, it builds their secondary indexes after loading. first_user and world_size seed users [first_user, first_user + users) of a world of world_size users (NULL: users), as synth_generate_users does, so chunks seeded anywhere make up the world. Returns one summary row, including the seed used.';

-- One user world over several servers. Each server seeds its own chunk of users locally (the rows never travel
-- through the coordinator); the coordinator sees the whole world through partitioned tables whose partitions
-- are postgres_fdw foreign tables, one per server. dblink runs the chunks in parallel.

CREATE FUNCTION @extschema@.synth_seed_distributed(
    servers name[],
    users bigint DEFAULT 100::bigint,
    fraud_rate double precision DEFAULT 0.05::double precision,
    seed bigint DEFAULT NULL::bigint,
    legacy boolean DEFAULT false,
    drop_tables boolean DEFAULT false,
    target_schema name DEFAULT pg_catalog.current_schema(),
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    patterns text[] DEFAULT '{liquidity_crunch,link_burst,ato,bust_out,sleeper_ato}'::text[],
    remote_schema name DEFAULT 'public')
RETURNS TABLE (
    shard integer,
    server name,
    first_user bigint,
    users_generated bigint,
    records bigint,
    metadata_rows bigint,
    seed_used bigint,
    elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
#variable_conflict use_column
DECLARE
    tables CONSTANT text[] := '{generated_records,evaluation_metadata}';
    shard_count integer;
    dblink_schema name;
    remote_exec text;    -- dblink_exec($1 connection, $2 statement)
    chunk_result text;   -- dblink_get_result($1 connection) of a chunk's synth_seed
    local_version text;
    connection_names text[] := '{}';
    chunk_first bigint[] := '{}';
    chunk_users bigint[] := '{}';
    remote_extension record;
    columns text;
    chunk record;
    busy boolean;
    k integer;
    table_name text;
BEGIN
    IF servers IS NULL OR cardinality(servers) = 0 THEN
        RAISE EXCEPTION 'servers must name at least one foreign server' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF array_position(servers, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'servers must not contain NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF (SELECT count(DISTINCT s) FROM unnest(servers) s) < cardinality(servers) THEN
        RAISE EXCEPTION 'servers must not name a server twice' USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Each server holds one chunk of the world in remote_schema.';
    END IF;
    IF users IS NULL THEN
        RAISE EXCEPTION 'users must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF users < 0 THEN
        RAISE EXCEPTION 'users must not be negative' USING ERRCODE = 'numeric_value_out_of_range';
    END IF;
    IF drop_tables IS NULL THEN
        RAISE EXCEPTION 'drop_tables must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF target_schema IS NULL OR remote_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema and remote_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT n.nspname INTO dblink_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'dblink';
    IF dblink_schema IS NULL OR NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'postgres_fdw') THEN
        RAISE EXCEPTION 'synth_seed_distributed needs the dblink and postgres_fdw extensions'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'CREATE EXTENSION dblink; CREATE EXTENSION postgres_fdw;';
    END IF;
    FOR k IN 1 .. cardinality(servers) LOOP
        IF NOT EXISTS (SELECT FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                       WHERE s.srvname = servers[k] AND w.fdwname = 'postgres_fdw') THEN
            RAISE EXCEPTION 'there is no postgres_fdw foreign server "%"', servers[k]
                USING ERRCODE = 'undefined_object';
        END IF;
        IF NOT has_server_privilege(servers[k], 'USAGE') THEN
            RAISE EXCEPTION 'permission denied for foreign server %', servers[k]
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
    IF to_regnamespace(quote_ident(target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" does not exist', target_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    -- drop_tables replaces the partitioned tables of an earlier distributed world, never a local one.
    FOREACH table_name IN ARRAY tables LOOP
        IF to_regclass(format('%I.%I', target_schema, table_name)) IS NOT NULL THEN
            IF NOT drop_tables OR (SELECT relkind FROM pg_class
                                   WHERE oid = format('%I.%I', target_schema, table_name)::regclass) <> 'p' THEN
                RAISE EXCEPTION 'relation "%.%" already exists', target_schema, table_name
                    USING ERRCODE = 'duplicate_table',
                          HINT = 'drop_tables => true replaces the tables of an earlier distributed world only; choose another target_schema.';
            END IF;
            EXECUTE format('DROP TABLE %I.%I', target_schema, table_name);
        END IF;
    END LOOP;
    seed_used := seed;
    IF seed_used IS NULL THEN
        seed_used := @extschema@.synth_random_seed();
        RAISE NOTICE 'seed is NULL, using seed %', seed_used
            USING HINT = format('Pass seed => %s to reproduce this dataset.', seed_used);
    END IF;
    SELECT extversion INTO local_version FROM pg_extension WHERE extname = 'synthgen';
    remote_exec := format('SELECT %I.dblink_exec($1, $2)', dblink_schema);
    chunk_result := format('SELECT * FROM %I.dblink_get_result($1) AS t(records bigint, metadata_rows bigint, '
                           'elapsed_seconds double precision)', dblink_schema);

    -- Server k (1-based) seeds users [users * (k - 1) / n, users * k / n) of the world.
    shard_count := cardinality(servers);
    FOR k IN 1 .. shard_count LOOP
        chunk_first := chunk_first || (users * (k - 1) / shard_count);
        chunk_users := chunk_users || (users * k / shard_count - users * (k - 1) / shard_count);
    END LOOP;

    BEGIN
        -- Connect, check each server's synthgen (the same version generates the same rows), open a transaction
        -- and start its chunk; the chunks run at once.
        FOR k IN 1 .. shard_count LOOP
            connection_names := connection_names || format('synthgen_shard_%s', k);
            EXECUTE format('SELECT %1$I.dblink_disconnect($1) FROM unnest(%1$I.dblink_get_connections()) c WHERE c = $1',
                           dblink_schema) USING connection_names[k];
            EXECUTE format('SELECT %I.dblink_connect($1, $2)', dblink_schema) USING connection_names[k], servers[k];
            EXECUTE format($q$SELECT * FROM %I.dblink($1, $r$SELECT n.nspname, e.extversion FROM pg_extension e
                                                         JOIN pg_namespace n ON n.oid = e.extnamespace
                                                         WHERE e.extname = 'synthgen'$r$) AS t(schema name, version text)$q$,
                           dblink_schema) INTO remote_extension USING connection_names[k];
            IF remote_extension IS NULL THEN
                RAISE EXCEPTION 'foreign server "%" has no synthgen extension in its database', servers[k]
                    USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Run CREATE EXTENSION synthgen there.';
            END IF;
            IF remote_extension.version <> local_version THEN
                RAISE EXCEPTION 'foreign server "%" has synthgen %, this database has %', servers[k],
                                remote_extension.version, local_version
                    USING ERRCODE = 'object_not_in_prerequisite_state',
                          HINT = 'Install the same version everywhere: it is what makes the chunks one world.';
            END IF;
            EXECUTE remote_exec USING connection_names[k], 'BEGIN';
            IF drop_tables THEN
                EXECUTE remote_exec USING connection_names[k],
                    format('DROP VIEW IF EXISTS %1$I.generated_records_shard, %1$I.evaluation_metadata_shard', remote_schema);
            END IF;
            EXECUTE format('SELECT %I.dblink_send_query($1, $2)', dblink_schema) USING connection_names[k],
                format('SELECT records, metadata_rows, elapsed_seconds FROM %I.synth_seed(users => %L, fraud_rate => %L, '
                       'seed => %L, legacy => %L, drop_tables => %L, target_schema => %L, simulation_date => %L, '
                       'patterns => %L, first_user => %L, world_size => %L)',
                       remote_extension.schema, chunk_users[k], fraud_rate, seed_used, legacy, drop_tables,
                       remote_schema, simulation_date, patterns, chunk_first[k], users);
        END LOOP;

        -- Wait for every chunk, interruptibly (a cancel here cancels the chunks too).
        LOOP
            EXECUTE format('SELECT bool_or(%I.dblink_is_busy(c) = 1) FROM unnest($1) c', dblink_schema)
            INTO busy USING connection_names;
            EXIT WHEN NOT busy;
            PERFORM pg_sleep(0.01);
        END LOOP;
        FOR k IN 1 .. shard_count LOOP
            EXECUTE chunk_result INTO chunk USING connection_names[k];
            EXECUTE chunk_result USING connection_names[k];  -- the empty result that frees the connection
            shard := k;
            server := servers[k];
            first_user := chunk_first[k];
            users_generated := chunk_users[k];
            records := chunk.records;
            metadata_rows := chunk.metadata_rows;
            elapsed_seconds := chunk.elapsed_seconds;
            RETURN NEXT;
        END LOOP;

        -- Each server shows its chunk with its shard number; the coordinator's partitioned tables list them.
        FOREACH table_name IN ARRAY tables LOOP
            FOR k IN 1 .. shard_count LOOP
                EXECUTE remote_exec USING connection_names[k],
                    format('CREATE VIEW %1$I.%2$I AS SELECT %3$s AS shard, * FROM %1$I.%4$I', remote_schema,
                           table_name || '_shard', k, table_name);
            END LOOP;
            EXECUTE format($q$SELECT * FROM %I.dblink($1, %L) AS t(columns text)$q$, dblink_schema,
                           format($r$SELECT string_agg(format('%%I %%s', attname, format_type(atttypid, atttypmod)), ', '
                                                       ORDER BY attnum)
                                     FROM pg_attribute WHERE attrelid = %L::regclass AND attnum > 0
                                                         AND NOT attisdropped$r$,
                                  format('%I.%I', remote_schema, table_name || '_shard')))
            INTO columns USING connection_names[1];
            EXECUTE format('CREATE TABLE %I.%I (%s) PARTITION BY LIST (shard)', target_schema, table_name, columns);
            EXECUTE format('COMMENT ON TABLE %I.%I IS %L', target_schema, table_name,
                           format('synthgen: %s of one world (seed %s, %s users) over %s servers, one postgres_fdw partition each',
                                  table_name, seed_used, users, shard_count));
            FOR k IN 1 .. shard_count LOOP
                EXECUTE format('CREATE FOREIGN TABLE %1$I.%2$I PARTITION OF %1$I.%3$I FOR VALUES IN (%4$s) '
                               'SERVER %5$I OPTIONS (schema_name %6$L, table_name %7$L, async_capable %8$L)',
                               target_schema, format('%s_shard_%s', table_name, k), table_name, k, servers[k],
                               remote_schema, table_name || '_shard', 'true');
            END LOOP;
        END LOOP;

        -- Commit every chunk (one after the other: not a two-phase commit), then let the connections go.
        FOR k IN 1 .. shard_count LOOP
            EXECUTE remote_exec USING connection_names[k], 'COMMIT';
        END LOOP;
        EXECUTE format('SELECT %I.dblink_disconnect(c) FROM unnest($1) c', dblink_schema) USING connection_names;
    EXCEPTION WHEN OTHERS OR query_canceled THEN
        -- Stop and roll back every chunk still open, close the connections, and report the error.
        EXECUTE format($q$SELECT %1$I.dblink_cancel_query(c), %1$I.dblink_disconnect(c)
                          FROM unnest(%1$I.dblink_get_connections()) c WHERE c = ANY ($1)$q$, dblink_schema)
        USING connection_names;
        RAISE;
    END;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_seed_distributed(name[], bigint, double precision, bigint, boolean, boolean, name, timestamptz, text[], name) IS
'Seeds one user world (the world synth_seed gives for the same arguments) over the postgres_fdw foreign servers listed: server k of n seeds users [users * (k-1) / n, users * k / n) into generated_records and evaluation_metadata of remote_schema on its own side, all servers at once through dblink, and shows them as views generated_records_shard and evaluation_metadata_shard with a shard column; this database gets partitioned tables generated_records and evaluation_metadata in target_schema, partitioned by LIST (shard), whose partitions are foreign tables over those views. Needs dblink and postgres_fdw here and the same synthgen version on every server. A failure or cancel rolls every server back; the final commits are made one after the other, not in two phases. Returns one row per server.';

-- The credit-card world (the original's merchants, banks, accounts, cards, transactions with location
-- continuity, and fraud). Entities are pure functions of (seed, index); dates derive from the transaction
-- window [window_start, window_end), by default the 30 days before 2026-01-01.

CREATE FUNCTION @extschema@.synth_first_argument_rows_support(internal)
RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_first_argument_rows_support';

COMMENT ON FUNCTION @extschema@.synth_first_argument_rows_support(internal) IS
'Planner support for the card world''s generators: estimates their row count from their first argument (n or rows) when it is a constant.';

CREATE FUNCTION @extschema@.synth_generate_merchants(
    n bigint DEFAULT 500::bigint,
    seed bigint DEFAULT NULL::bigint,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_merchant bigint DEFAULT 0::bigint)
RETURNS TABLE (
    merchant_id text,
    category text,
    country text,
    cnt_chrgeback_prev_day numeric,
    cnt_chrgeback_prev_week numeric,
    cnt_chrgeback_prev_month numeric,
    last_modified timestamptz)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_first_argument_rows_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_merchants';

COMMENT ON FUNCTION @extschema@.synth_generate_merchants(bigint, bigint, timestamptz, bigint) IS
'Merchants [first_merchant, first_merchant + n) of the card world: MERCH_ + 8 digits, a category and a country uniform over the original''s 20 and 26, chargeback rates (exponential, mean 2.5 a day) and a last_modified in the year before window_end. Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_generate_banks(
    n bigint DEFAULT 1000::bigint,
    seed bigint DEFAULT NULL::bigint,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_bank bigint DEFAULT 0::bigint)
RETURNS TABLE (
    bank_id text,
    country text,
    credit_rating integer,
    days_since_bank_cr_changed integer,
    last_modified timestamptz)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_first_argument_rows_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_banks';

COMMENT ON FUNCTION @extschema@.synth_generate_banks(bigint, bigint, timestamptz, bigint) IS
'Banks [first_bank, first_bank + n) of the card world: BANK_ + 8 digits, a country among the original''s first 19, a credit rating 1-10 (Beta(5, 2)), days since its last change (Weibull(1.5) x 180, at most 1095) and a last_modified in the year before window_end. Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_generate_accounts(
    n bigint DEFAULT 10000::bigint,
    seed bigint DEFAULT NULL::bigint,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_account bigint DEFAULT 0::bigint)
RETURNS TABLE (
    account_id text,
    name text,
    address text,
    debt_end_prev_month numeric,
    last_modified timestamptz,
    creation_date timestamptz,
    end_date timestamptz,
    home_country text)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_first_argument_rows_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_accounts';

COMMENT ON FUNCTION @extschema@.synth_generate_accounts(bigint, bigint, timestamptz, bigint) IS
'Accounts [first_account, first_account + n) of the card world: ACC_ + 8 digits, a name and address, debt at the end of the previous month (Normal(2500, 1500)), creation in the 5 years before window_end, closure (end_date) for 10%, and a home country with the original''s weights (United States 29.9%, each major country 6.84%). Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_generate_cards(
    n bigint DEFAULT 20000::bigint,
    seed bigint DEFAULT NULL::bigint,
    accounts bigint DEFAULT 10000::bigint,
    banks bigint DEFAULT 1000::bigint,
    window_start timestamptz DEFAULT '2025-12-02 00:00:00+00'::timestamptz,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_card bigint DEFAULT 0::bigint)
RETURNS TABLE (
    card_id text,
    cc_num text,
    account_id text,
    bank_id text,
    issue_date timestamptz,
    cc_expiry_date timestamptz,
    card_type text,
    status text,
    last_modified timestamptz,
    status_updated boolean)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_first_argument_rows_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_cards';

COMMENT ON FUNCTION @extschema@.synth_generate_cards(bigint, bigint, bigint, bigint, timestamptz, timestamptz, bigint) IS
'Cards [first_card, first_card + n) of the card world, one row per card (its latest version): CARD_ + 8 digits, a card number XXXX-XXXX-XXXX-XXXX unique in the world, an account and a bank uniform among accounts and banks, issue date (first of a month in the 3 years before window_end) and expiry (first of a month in the 3 years after), Credit 60% / Debit 35% / Prepaid 5%, and a status: Active, or for the 30% with a status update before window_start, Active 95% / Blocked 4% / Lost/Stolen 1%. Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_insert_merchants(
    target regclass,
    n bigint DEFAULT 500::bigint,
    seed bigint DEFAULT NULL::bigint,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_merchant bigint DEFAULT 0::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_merchants';

COMMENT ON FUNCTION @extschema@.synth_insert_merchants(regclass, bigint, bigint, timestamptz, bigint) IS
'Loads the rows synth_generate_merchants returns for the same arguments straight into target through the bulk path, with the rules of synth_insert_transactions (columns matched by name; tables with insert triggers or foreign keys, row-level security, deferrable unique constraints or stored generated columns refused), and returns the rows written.';

CREATE FUNCTION @extschema@.synth_insert_banks(
    target regclass,
    n bigint DEFAULT 1000::bigint,
    seed bigint DEFAULT NULL::bigint,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_bank bigint DEFAULT 0::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_banks';

COMMENT ON FUNCTION @extschema@.synth_insert_banks(regclass, bigint, bigint, timestamptz, bigint) IS
'Loads the rows synth_generate_banks returns for the same arguments straight into target through the bulk path, with the rules of synth_insert_transactions (columns matched by name; tables with insert triggers or foreign keys, row-level security, deferrable unique constraints or stored generated columns refused), and returns the rows written.';

CREATE FUNCTION @extschema@.synth_insert_accounts(
    target regclass,
    n bigint DEFAULT 10000::bigint,
    seed bigint DEFAULT NULL::bigint,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_account bigint DEFAULT 0::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_accounts';

COMMENT ON FUNCTION @extschema@.synth_insert_accounts(regclass, bigint, bigint, timestamptz, bigint) IS
'Loads the rows synth_generate_accounts returns for the same arguments straight into target through the bulk path, with the rules of synth_insert_transactions (columns matched by name; tables with insert triggers or foreign keys, row-level security, deferrable unique constraints or stored generated columns refused), and returns the rows written.';

CREATE FUNCTION @extschema@.synth_insert_cards(
    target regclass,
    n bigint DEFAULT 20000::bigint,
    seed bigint DEFAULT NULL::bigint,
    accounts bigint DEFAULT 10000::bigint,
    banks bigint DEFAULT 1000::bigint,
    window_start timestamptz DEFAULT '2025-12-02 00:00:00+00'::timestamptz,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    first_card bigint DEFAULT 0::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_cards';

COMMENT ON FUNCTION @extschema@.synth_insert_cards(regclass, bigint, bigint, bigint, bigint, timestamptz, timestamptz, bigint) IS
'Loads the rows synth_generate_cards returns for the same arguments straight into target through the bulk path, with the rules of synth_insert_transactions (columns matched by name; tables with insert triggers or foreign keys, row-level security, deferrable unique constraints or stored generated columns refused), and returns the rows written.';

CREATE TYPE @extschema@.synth_card_state AS (
    card bigint,
    last_ts timestamptz,
    last_ip inet,
    country text);

COMMENT ON TYPE @extschema@.synth_card_state IS
'Where a card of the card world stood at the start of a period: its index (card_id CARD_<index>), and the instant, IPv4 address and country of its last legitimate transaction before the period. synth_generate_transactions continues each listed card from it.';

CREATE FUNCTION @extschema@.synth_generate_transactions(
    rows bigint DEFAULT 500000::bigint,
    seed bigint DEFAULT NULL::bigint,
    merchants bigint DEFAULT 500::bigint,
    banks bigint DEFAULT 1000::bigint,
    accounts bigint DEFAULT 10000::bigint,
    cards bigint DEFAULT 20000::bigint,
    window_start timestamptz DEFAULT '2025-12-02 00:00:00+00'::timestamptz,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    tid_offset bigint DEFAULT 0::bigint,
    first_card bigint DEFAULT 0::bigint,
    card_count bigint DEFAULT NULL::bigint,
    period_start timestamptz DEFAULT NULL::timestamptz,
    period_end timestamptz DEFAULT NULL::timestamptz,
    card_states @extschema@.synth_card_state[] DEFAULT NULL::@extschema@.synth_card_state[])
RETURNS TABLE (
    t_id bigint,
    cc_num text,
    account_id text,
    merchant_id text,
    amount numeric,
    ip_address inet,
    card_present boolean,
    ts timestamptz)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
SUPPORT @extschema@.synth_first_argument_rows_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_transactions';

COMMENT ON FUNCTION @extschema@.synth_generate_transactions(bigint, bigint, bigint, bigint, bigint, bigint, timestamptz, timestamptz, bigint, bigint, bigint, timestamptz, timestamptz, @extschema@.synth_card_state[]) IS
'Legitimate card transactions with location continuity. The world is (seed, merchants, banks, accounts, cards, window_start, window_end), as the entity generators describe it; the period [period_start, period_end) (by default the window) holds rows transactions spread evenly over all cards (card c: rows / cards, one more when c < rows % cards), each card''s in time order after its issue date, with t_ids from tid_offset in (card, time) order. Home country 85%, a neighbour 10%, elsewhere 5%; no country change within 6 hours of the previous transaction; 60% of same-country transactions keep the previous subnet; merchants of the current country; LogNormal(3.5, 1.2) amounts; card present 60%. This call returns cards [first_card, first_card + card_count); card_states continues listed cards from an earlier period. Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_insert_transactions(
    target regclass,
    rows bigint DEFAULT 500000::bigint,
    seed bigint DEFAULT NULL::bigint,
    merchants bigint DEFAULT 500::bigint,
    banks bigint DEFAULT 1000::bigint,
    accounts bigint DEFAULT 10000::bigint,
    cards bigint DEFAULT 20000::bigint,
    window_start timestamptz DEFAULT '2025-12-02 00:00:00+00'::timestamptz,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    tid_offset bigint DEFAULT 0::bigint,
    first_card bigint DEFAULT 0::bigint,
    card_count bigint DEFAULT NULL::bigint,
    period_start timestamptz DEFAULT NULL::timestamptz,
    period_end timestamptz DEFAULT NULL::timestamptz,
    card_states @extschema@.synth_card_state[] DEFAULT NULL::@extschema@.synth_card_state[])
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_transactions';

COMMENT ON FUNCTION @extschema@.synth_insert_transactions(regclass, bigint, bigint, bigint, bigint, bigint, bigint, timestamptz, timestamptz, bigint, bigint, bigint, timestamptz, timestamptz, @extschema@.synth_card_state[]) IS
'Loads the transactions synth_generate_transactions returns for the same arguments straight into target, the way COPY FROM does (multi-inserts through a bulk-insert state, indexes maintained, NOT NULL and CHECK constraints checked), and returns the rows written. Columns are matched by name and converted to the table''s types; other columns take their defaults. Refuses tables with insert triggers (foreign keys included), row-level security, deferrable unique constraints, stored generated columns, or that are not plain tables; needs INSERT on target.';

CREATE FUNCTION @extschema@.synth_generate_fraud_support(internal)
RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_fraud_support';

COMMENT ON FUNCTION @extschema@.synth_generate_fraud_support(internal) IS
'Planner support for synth_generate_fraud: its exact row count when legit_rows, fraud_rate and chain_attack_ratio are constants.';

CREATE FUNCTION @extschema@.synth_generate_fraud(
    legit_rows bigint DEFAULT 500000::bigint,
    fraud_rate double precision DEFAULT 0.0001::double precision,
    chain_attack_ratio double precision DEFAULT 0.9::double precision,
    seed bigint DEFAULT NULL::bigint,
    merchants bigint DEFAULT 500::bigint,
    banks bigint DEFAULT 1000::bigint,
    accounts bigint DEFAULT 10000::bigint,
    cards bigint DEFAULT 20000::bigint,
    window_start timestamptz DEFAULT '2025-12-02 00:00:00+00'::timestamptz,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    tid_offset bigint DEFAULT NULL::bigint,
    period_start timestamptz DEFAULT NULL::timestamptz,
    period_end timestamptz DEFAULT NULL::timestamptz)
RETURNS TABLE (
    t_id bigint,
    cc_num text,
    account_id text,
    merchant_id text,
    amount numeric,
    ip_address inet,
    card_present boolean,
    ts timestamptz,
    fraud_type text,
    incident bigint,
    explanation text)
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL SAFE
ROWS 50
SUPPORT @extschema@.synth_generate_fraud_support
AS 'MODULE_PATHNAME', 'synthgen_synth_generate_fraud';

COMMENT ON FUNCTION @extschema@.synth_generate_fraud(bigint, double precision, double precision, bigint, bigint, bigint, bigint, bigint, timestamptz, timestamptz, bigint, timestamptz, timestamptz) IS
'The fraud of a period of the card world, added on top of its legit_rows legitimate transactions by the original''s rules: requested = max(floor(legit_rows x fraud_rate), 1) (0 when either is 0), chain rows = floor(requested x chain_attack_ratio) in ceil(chain rows / 10) chain attacks of 5-15 online transactions over 10 min - 2 h (amounts $1-10, $10-25, then $25-50; 40% burst steps of 10-120 s; 30% of attacks from 2-3 IPs of one country), and the rest as max(rest / 2, 1) geographic pairs (two card-present transactions in a distant country pair 5-60 minutes apart). t_ids from tid_offset (default legit_rows), with fraud_type, incident and the original''s explanation. Deterministic for a given seed; a NULL seed picks one and reports it.';

CREATE FUNCTION @extschema@.synth_card_init(
    target_schema name DEFAULT pg_catalog.current_schema(),
    drop_existing boolean DEFAULT false)
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    card_tables CONSTANT text[] := '{card_world,merchant_details,bank_details,account_details,card_details,credit_card_transactions,cc_fraud}';
    existing text;
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF drop_existing IS NULL THEN
        RAISE EXCEPTION 'drop_existing must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = target_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', target_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    -- A concurrent fill of this schema finishes first (synth_lock_schema); what follows sees what it committed.
    PERFORM @extschema@.synth_lock_schema(target_schema);
    SELECT string_agg(format('%I.%I', target_schema, c.relname), ', ' ORDER BY c.relname) INTO existing
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target_schema AND c.relname = ANY (card_tables);
    IF existing IS NOT NULL AND NOT drop_existing THEN
        RAISE EXCEPTION 'card world tables already exist in schema "%"', target_schema
            USING ERRCODE = 'duplicate_table', HINT = 'Pass drop_existing => true to replace them.';
    END IF;
    IF existing IS NOT NULL THEN
        EXECUTE 'DROP TABLE ' || existing;
    END IF;

    EXECUTE format($ddl$
        CREATE TABLE %1$I.card_world (
            seed bigint NOT NULL,
            merchants bigint NOT NULL,
            banks bigint NOT NULL,
            accounts bigint NOT NULL,
            cards bigint NOT NULL,
            window_start timestamptz NOT NULL,
            window_end timestamptz NOT NULL,
            filled_until timestamptz NOT NULL);
        COMMENT ON TABLE %1$I.card_world IS
            'synthgen: the card world these tables hold (one row): its seed, entity counts and window, and the end of the last period filled';
        CREATE TABLE %1$I.merchant_details (
            merchant_id varchar(16) COLLATE "C" PRIMARY KEY,
            category text NOT NULL,
            country text NOT NULL,
            cnt_chrgeback_prev_day numeric(12,2) NOT NULL,
            cnt_chrgeback_prev_week numeric(12,2) NOT NULL,
            cnt_chrgeback_prev_month numeric(12,2) NOT NULL,
            last_modified timestamptz NOT NULL);
        COMMENT ON TABLE %1$I.merchant_details IS 'synthgen: merchants of the card world (feature group merchant_details)';
        CREATE TABLE %1$I.bank_details (
            bank_id varchar(16) COLLATE "C" PRIMARY KEY,
            country text NOT NULL,
            credit_rating integer NOT NULL,
            days_since_bank_cr_changed integer NOT NULL,
            last_modified timestamptz NOT NULL);
        COMMENT ON TABLE %1$I.bank_details IS 'synthgen: banks of the card world (feature group bank_details)';
        CREATE TABLE %1$I.account_details (
            account_id varchar(16) COLLATE "C" PRIMARY KEY,
            name text NOT NULL,
            address text NOT NULL,
            debt_end_prev_month numeric(12,2) NOT NULL,
            last_modified timestamptz NOT NULL,
            creation_date timestamptz NOT NULL,
            end_date timestamptz,
            home_country text NOT NULL);
        COMMENT ON TABLE %1$I.account_details IS 'synthgen: accounts of the card world with their home country (feature group account_details)';
        CREATE TABLE %1$I.card_details (
            card_id varchar(16) COLLATE "C" PRIMARY KEY,
            cc_num varchar(19) COLLATE "C" NOT NULL CONSTRAINT card_details_cc_num_key UNIQUE,
            account_id varchar(16) COLLATE "C" NOT NULL REFERENCES %1$I.account_details,
            bank_id varchar(16) COLLATE "C" NOT NULL REFERENCES %1$I.bank_details,
            issue_date timestamptz NOT NULL,
            cc_expiry_date timestamptz NOT NULL,
            card_type text NOT NULL,
            status text NOT NULL,
            last_modified timestamptz NOT NULL,
            status_updated boolean NOT NULL);
        COMMENT ON TABLE %1$I.card_details IS 'synthgen: cards of the card world, one row per card in its latest version (feature group card_details)';
        CREATE TABLE %1$I.credit_card_transactions (
            t_id bigint PRIMARY KEY,
            cc_num varchar(19) COLLATE "C" NOT NULL REFERENCES %1$I.card_details (cc_num),
            account_id varchar(16) COLLATE "C" NOT NULL,
            merchant_id varchar(16) COLLATE "C" NOT NULL REFERENCES %1$I.merchant_details,
            amount numeric(12,2) NOT NULL,
            ip_address inet NOT NULL,
            card_present boolean NOT NULL,
            ts timestamptz NOT NULL);
        COMMENT ON TABLE %1$I.credit_card_transactions IS 'synthgen: card transactions of the card world, legitimate and fraudulent (the fraudulent ones are listed in cc_fraud)';
        CREATE TABLE %1$I.cc_fraud (
            t_id bigint PRIMARY KEY REFERENCES %1$I.credit_card_transactions ON DELETE CASCADE,
            cc_num varchar(19) COLLATE "C" NOT NULL,
            explanation text NOT NULL,
            ts timestamptz NOT NULL,
            fraud_type text NOT NULL,
            incident bigint NOT NULL,
            period_start timestamptz NOT NULL);
        COMMENT ON TABLE %1$I.cc_fraud IS 'synthgen: the fraudulent transactions of credit_card_transactions, with the original''s explanation, the fraud type and the incident (chain attack or geographic pair) of the period';
        CREATE INDEX ix_credit_card_transactions_cc_num_ts ON %1$I.credit_card_transactions (cc_num, ts);
        $ddl$, target_schema);

    RETURN QUERY SELECT format('%I.%I', target_schema, t)::regclass FROM unnest(card_tables) t;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_card_init(name, boolean) IS
'Creates the card world''s tables in target_schema, owned by the caller: card_world (its settings), merchant_details, bank_details, account_details, card_details, credit_card_transactions and cc_fraud, with their keys, indexes and foreign keys; drop_existing replaces existing ones. Returns the tables created.';

CREATE FUNCTION @extschema@.synth_card_insert_fraud(
    target_schema name,
    legit_rows bigint,
    fraud_rate double precision,
    chain_attack_ratio double precision,
    tid_offset bigint,
    period_start timestamptz,
    period_end timestamptz)
RETURNS bigint
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    fraud_rows bigint;
BEGIN
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = target_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', target_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    EXECUTE format($fill$
        WITH world AS (SELECT * FROM %1$I.card_world),
        fraud AS (
            SELECT f.* FROM world w,
                 @extschema@.synth_generate_fraud($1, $2, $3, w.seed, w.merchants, w.banks, w.accounts, w.cards,
                                                 w.window_start, w.window_end, $4, $5, $6) f),
        stored AS (
            INSERT INTO %1$I.credit_card_transactions
            SELECT t_id, cc_num, account_id, merchant_id, amount, ip_address, card_present, ts FROM fraud)
        INSERT INTO %1$I.cc_fraud
        SELECT t_id, cc_num, explanation, ts, fraud_type, incident, coalesce($5, (SELECT window_start FROM world))
        FROM fraud
        $fill$, target_schema)
    USING legit_rows, fraud_rate, chain_attack_ratio, tid_offset, period_start, period_end;
    GET DIAGNOSTICS fraud_rows = ROW_COUNT;
    RETURN fraud_rows;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_card_insert_fraud(name, bigint, double precision, double precision, bigint, timestamptz, timestamptz) IS
'Generates the fraud of a period (NULL bounds: the window) of the card world that target_schema''s card_world row describes, with synth_generate_fraud, and stores it: the transactions in credit_card_transactions, their explanation, type, incident and period in cc_fraud. Returns the fraud rows. synth_card_backfill and synth_card_incremental use it.';

CREATE FUNCTION @extschema@.synth_card_backfill(
    merchants bigint DEFAULT 500::bigint,
    banks bigint DEFAULT 1000::bigint,
    accounts bigint DEFAULT 10000::bigint,
    cards bigint DEFAULT 20000::bigint,
    transactions bigint DEFAULT 500000::bigint,
    fraud_rate double precision DEFAULT 0.0001::double precision,
    chain_attack_ratio double precision DEFAULT 0.9::double precision,
    seed bigint DEFAULT NULL::bigint,
    window_start timestamptz DEFAULT '2025-12-02 00:00:00+00'::timestamptz,
    window_end timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    target_schema name DEFAULT pg_catalog.current_schema(),
    drop_tables boolean DEFAULT false)
RETURNS TABLE (
    merchant_rows bigint,
    bank_rows bigint,
    account_rows bigint,
    card_rows bigint,
    transaction_rows bigint,
    fraud_rows bigint,
    chain_attacks bigint,
    geographic_pairs bigint,
    seed_used bigint,
    elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    started timestamptz := clock_timestamp();
    restore text[];
BEGIN
    -- Every argument but seed is needed (the card_world row is written before the generators would check).
    IF merchants IS NULL OR banks IS NULL OR accounts IS NULL OR cards IS NULL OR transactions IS NULL
       OR fraud_rate IS NULL OR chain_attack_ratio IS NULL OR window_start IS NULL OR window_end IS NULL
       OR target_schema IS NULL OR drop_tables IS NULL THEN
        RAISE EXCEPTION '% must not be NULL',
            CASE WHEN merchants IS NULL THEN 'merchants' WHEN banks IS NULL THEN 'banks'
                 WHEN accounts IS NULL THEN 'accounts' WHEN cards IS NULL THEN 'cards'
                 WHEN transactions IS NULL THEN 'transactions' WHEN fraud_rate IS NULL THEN 'fraud_rate'
                 WHEN chain_attack_ratio IS NULL THEN 'chain_attack_ratio' WHEN window_start IS NULL THEN 'window_start'
                 WHEN window_end IS NULL THEN 'window_end' WHEN target_schema IS NULL THEN 'target_schema'
                 ELSE 'drop_tables' END
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    seed_used := seed;
    IF seed_used IS NULL THEN
        seed_used := @extschema@.synth_random_seed();
        RAISE NOTICE 'seed is NULL, using seed %', seed_used
            USING HINT = format('Pass seed => %s to reproduce this dataset.', seed_used);
    END IF;
    -- A concurrent fill of this schema finishes first (synth_lock_schema); what follows sees what it committed.
    PERFORM @extschema@.synth_lock_schema(target_schema);
    PERFORM @extschema@.synth_card_init(target_schema, drop_tables);
    EXECUTE format('INSERT INTO %I.card_world VALUES ($1, $2, $3, $4, $5, $6, $7, $7)', target_schema)
    USING seed_used, merchants, banks, accounts, cards, window_start, window_end;
    -- The tables are new: load them, then build their keys and indexes (synth_detach_indexes; the foreign keys
    -- go first, so the keys they depend on can go too), the way a restore does.
    restore := @extschema@.synth_detach_indexes(format('%I.cc_fraud', target_schema)::regclass);
    restore := @extschema@.synth_detach_indexes(format('%I.credit_card_transactions', target_schema)::regclass)
               || restore;
    restore := @extschema@.synth_detach_indexes(format('%I.card_details', target_schema)::regclass) || restore;

    merchant_rows := @extschema@.synth_insert_merchants(format('%I.merchant_details', target_schema)::regclass,
                                                        merchants, seed_used, window_end);
    bank_rows := @extschema@.synth_insert_banks(format('%I.bank_details', target_schema)::regclass,
                                                banks, seed_used, window_end);
    account_rows := @extschema@.synth_insert_accounts(format('%I.account_details', target_schema)::regclass,
                                                      accounts, seed_used, window_end);
    card_rows := @extschema@.synth_insert_cards(format('%I.card_details', target_schema)::regclass,
                                                cards, seed_used, accounts, banks, window_start, window_end);
    transaction_rows := @extschema@.synth_insert_transactions(
        format('%I.credit_card_transactions', target_schema)::regclass, transactions, seed_used, merchants, banks,
        accounts, cards, window_start, window_end);
    fraud_rows := @extschema@.synth_card_insert_fraud(target_schema, transactions, fraud_rate, chain_attack_ratio,
                                                      transactions, NULL, NULL);
    transaction_rows := transaction_rows + fraud_rows;
    PERFORM @extschema@.synth_run_statements(restore);

    EXECUTE format($count$
        SELECT count(DISTINCT incident) FILTER (WHERE fraud_type = 'chain_attack'),
               count(DISTINCT incident) FILTER (WHERE fraud_type = 'geographic')
        FROM %I.cc_fraud
        $count$, target_schema) INTO chain_attacks, geographic_pairs;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_card_backfill(bigint, bigint, bigint, bigint, bigint, double precision, double precision, bigint, timestamptz, timestamptz, name, boolean) IS
'The original''s backfill, inside the database: creates the card world''s tables in target_schema (synth_card_init; drop_tables replaces existing ones) and fills them with merchants, banks, accounts, cards, the window''s transactions (t_ids 0 .. transactions - 1) and its fraud (t_ids after them, listed in cc_fraud), all from one seed (NULL: a random one, reported). One transaction: an error or cancel leaves nothing behind. Returns the rows written per table, the fraud incidents and the seed used.';

CREATE FUNCTION @extschema@.synth_card_incremental(
    period_end timestamptz,
    transactions bigint DEFAULT 500000::bigint,
    fraud_rate double precision DEFAULT 0.0001::double precision,
    chain_attack_ratio double precision DEFAULT 0.9::double precision,
    target_schema name DEFAULT pg_catalog.current_schema())
RETURNS TABLE (
    period_start timestamptz,
    transaction_rows bigint,
    fraud_rows bigint,
    first_t_id bigint,
    last_t_id bigint,
    elapsed_seconds double precision)
LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    started timestamptz := clock_timestamp();
    -- Cards per generator call (set below): each call gets the start states of its cards only, so no array
    -- grows with the world (an array holds at most 1 GB) and a cancel never waits on one large array; and each
    -- call inserts at most about 262,144 rows, so the foreign-key checks queued until its statement ends stay
    -- bounded too.
    cards_per_chunk bigint;
    world record;
    chunks refcursor;
    chunk record;
    chunk_rows bigint;
BEGIN
    IF period_end IS NULL THEN
        RAISE EXCEPTION 'period_end must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF transactions IS NULL THEN
        RAISE EXCEPTION 'transactions must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF target_schema IS NULL THEN
        RAISE EXCEPTION 'target_schema must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = target_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', target_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    IF to_regclass(format('%I.card_world', target_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" holds no card world', target_schema
            USING ERRCODE = 'undefined_table', HINT = 'Run synth_card_backfill() first.';
    END IF;
    -- One fill of this schema at a time (synth_lock_schema): a concurrent fill finishes first, and this period
    -- starts where it ended.
    PERFORM @extschema@.synth_lock_schema(target_schema);
    EXECUTE format('SELECT * FROM %I.card_world FOR UPDATE', target_schema) INTO world;
    IF world IS NULL THEN
        RAISE EXCEPTION 'the card world of schema "%" is empty', target_schema
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Run synth_card_backfill() first.';
    END IF;
    period_start := world.filled_until;
    IF period_end <= period_start THEN
        RAISE EXCEPTION 'period_end must be after the end of the last period filled, %', period_start
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('SELECT coalesce(max(t_id) + 1, 0) FROM %I.credit_card_transactions', target_schema)
    INTO first_t_id;

    cards_per_chunk := greatest(1, least(16384, 262144 / (transactions / world.cards + 1)));
    -- Each card continues from its last legitimate transaction: its instant, address and country. The cards go
    -- in chunks of cards_per_chunk, each with the array of its cards' states (NULL: none has one yet); the
    -- chunk-invariant generator makes the result that of one call over all cards, t_ids from first_t_id on. The
    -- ordered aggregate forces a sorted group-by, so one chunk's array is in memory at a time.
    OPEN chunks FOR EXECUTE format($states$
        SELECT chunk, array_agg(state ORDER BY (state).card) FILTER (WHERE state IS NOT NULL) AS states
        FROM (SELECT substr(c.card_id, 6)::bigint / $1 AS chunk,
                     ROW(substr(c.card_id, 6)::bigint, t.ts, t.ip_address, m.country)::@extschema@.synth_card_state
                         AS state
              FROM (SELECT DISTINCT ON (t.cc_num) t.cc_num, t.ts, t.ip_address, t.merchant_id
                    FROM %1$I.credit_card_transactions t
                    WHERE NOT EXISTS (SELECT FROM %1$I.cc_fraud f WHERE f.t_id = t.t_id)
                    ORDER BY t.cc_num, t.ts DESC, t.t_id DESC) t
              JOIN %1$I.card_details c USING (cc_num)
              JOIN %1$I.merchant_details m USING (merchant_id)
              UNION ALL
              SELECT chunk, NULL FROM generate_series(0, ($2 - 1) / $1) chunk) s
        GROUP BY chunk
        ORDER BY chunk
        $states$, target_schema)
    USING cards_per_chunk, world.cards;
    transaction_rows := 0;
    LOOP
        FETCH chunks INTO chunk;
        EXIT WHEN NOT FOUND;
        EXECUTE format($fill$
            INSERT INTO %I.credit_card_transactions
            SELECT * FROM @extschema@.synth_generate_transactions(
                $1, $2, $3, $4, $5, $6, $7, $8, $9, first_card => $10, card_count => $11, period_start => $12,
                period_end => $13, card_states => $14)
            $fill$, target_schema)
        USING transactions, world.seed, world.merchants, world.banks, world.accounts, world.cards,
              world.window_start, world.window_end, first_t_id, chunk.chunk * cards_per_chunk,
              least(cards_per_chunk, world.cards - chunk.chunk * cards_per_chunk), period_start, period_end,
              chunk.states;
        GET DIAGNOSTICS chunk_rows = ROW_COUNT;
        transaction_rows := transaction_rows + chunk_rows;
    END LOOP;
    CLOSE chunks;

    fraud_rows := @extschema@.synth_card_insert_fraud(target_schema, transactions, fraud_rate, chain_attack_ratio,
                                                      first_t_id + transaction_rows, period_start, period_end);
    transaction_rows := transaction_rows + fraud_rows;
    last_t_id := first_t_id + transaction_rows - 1;

    EXECUTE format('UPDATE %I.card_world SET filled_until = $1', target_schema) USING period_end;
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_card_incremental(timestamptz, bigint, double precision, double precision, name) IS
'The original''s incremental mode: appends the period from the end of the last one filled to period_end, with transactions legitimate transactions and their fraud, to the card world of target_schema. t_ids continue after the largest one; every card continues from its last legitimate transaction (so no country change within 6 hours and subnet continuity hold across the seam); the same world''s entities and seed are used, and the period''s own random streams make it differ from every other period. Deterministic: the same sequence of calls gives the same tables.';

-- The graph world through the bulk path: synth_insert_graph_nodes/edges load what the generators return, and
-- synth_seed_graph fills its tables with them.
CREATE FUNCTION @extschema@.synth_insert_graph_nodes(
    target regclass,
    n bigint,
    seed bigint DEFAULT NULL::bigint,
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    device_rings bigint DEFAULT 2::bigint,
    ip_clusters bigint DEFAULT 2::bigint,
    kiting_cycles bigint DEFAULT 1::bigint,
    kiting_cycle_length integer DEFAULT 3,
    first_user bigint DEFAULT 0::bigint,
    world_size bigint DEFAULT NULL::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_graph_nodes';

COMMENT ON FUNCTION @extschema@.synth_insert_graph_nodes(regclass, bigint, bigint, timestamptz, bigint, bigint, bigint, integer, bigint, bigint) IS
'Loads the rows synth_generate_graph_nodes returns for the same arguments straight into target through the bulk path, with the rules of synth_insert_transactions (columns matched by name; tables with insert triggers or foreign keys, row-level security, deferrable unique constraints or stored generated columns refused), and returns the rows written.';

CREATE FUNCTION @extschema@.synth_insert_graph_edges(
    target regclass,
    n bigint,
    seed bigint DEFAULT NULL::bigint,
    simulation_date timestamptz DEFAULT '2026-01-01 00:00:00+00'::timestamptz,
    device_rings bigint DEFAULT 2::bigint,
    ip_clusters bigint DEFAULT 2::bigint,
    kiting_cycles bigint DEFAULT 1::bigint,
    kiting_cycle_length integer DEFAULT 3,
    first_user bigint DEFAULT 0::bigint,
    world_size bigint DEFAULT NULL::bigint)
RETURNS bigint
LANGUAGE c VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'synthgen_synth_insert_graph_edges';

COMMENT ON FUNCTION @extschema@.synth_insert_graph_edges(regclass, bigint, bigint, timestamptz, bigint, bigint, bigint, integer, bigint, bigint) IS
'Loads the rows synth_generate_graph_edges returns for the same arguments straight into target through the bulk path, with the rules of synth_insert_transactions (columns matched by name, so an identity id column takes its default; tables with insert triggers or foreign keys, row-level security, deferrable unique constraints or stored generated columns refused), and returns the rows written.';

CREATE OR REPLACE FUNCTION @extschema@.synth_seed_graph(
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
    nodes_table regclass;
    edges_table regclass;
    empty_check text;
    empty boolean;
    restore text[] := '{}';
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

    -- A concurrent fill of this schema finishes first (synth_lock_schema); what follows sees what it committed.
    PERFORM @extschema@.synth_lock_schema(target_schema);
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

    -- Empty tables the caller owns (new ones among them): build their keys and indexes after loading, as a
    -- restore does (synth_detach_indexes).
    nodes_table := format('%I.graph_nodes', target_schema)::regclass;
    edges_table := format('%I.graph_edges', target_schema)::regclass;
    empty_check := format('SELECT NOT EXISTS (SELECT FROM %s) AND NOT EXISTS (SELECT FROM %s)', nodes_table, edges_table);
    EXECUTE empty_check INTO empty;
    IF empty AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = nodes_table), 'USAGE')
       AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = edges_table), 'USAGE') THEN
        EXECUTE format('LOCK TABLE %s, %s IN ACCESS EXCLUSIVE MODE', nodes_table, edges_table);
        EXECUTE empty_check INTO empty;
        IF empty THEN
            restore := @extschema@.synth_detach_indexes(nodes_table) || @extschema@.synth_detach_indexes(edges_table);
        END IF;
    END IF;

    nodes := @extschema@.synth_insert_graph_nodes(nodes_table, users, seed_used, simulation_date, device_rings,
                                                  ip_clusters, kiting_cycles, kiting_cycle_length);
    edges := @extschema@.synth_insert_graph_edges(edges_table, users, seed_used, simulation_date, device_rings,
                                                  ip_clusters, kiting_cycles, kiting_cycle_length);
    PERFORM @extschema@.synth_run_statements(restore);
    elapsed_seconds := extract(epoch FROM clock_timestamp() - started)::double precision;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION @extschema@.synth_seed_graph(bigint, bigint, boolean, name, timestamptz, bigint, bigint, bigint, integer) IS
'Creates graph_nodes and graph_edges in target_schema if needed (drop_tables recreates them) and fills them with the graph world of users users through the bulk path (synth_insert_graph_nodes, synth_insert_graph_edges); into empty tables the caller owns, it builds their keys and indexes after loading. Pass the seed given to synth_seed so that the graph''s users are the users of generated_records. Returns the node and edge counts and the seed used.';

-- Settings that keep the functions that query a whole world answering a cancel promptly:
-- * PostgreSQL's JIT compiles a costly query's expressions at its start without an interrupt check; with its
--   inlining and optimisation passes that took up to a second at 10 M records (a 100 ms statement_timeout
--   answered after 1.24 s in synth_materialize_features, 0.57 s in synth_stats, 0.34 s in
--   synth_card_incremental, 0.27 s in synth_training_split), without them about 15 ms, with the same speed.
-- * The split and the report join the three record tables on record_id. A parallel hash join deletes all its
--   spilled batch files at once when it ends, also without an interrupt check (seconds for the gigabytes of a
--   10 M-record split); a serial or parallel-oblivious hash join deletes each batch's files as it moves on.
ALTER FUNCTION @extschema@.synth_materialize_features(name)
    SET jit_inline_above_cost = -1 SET jit_optimize_above_cost = -1;
ALTER FUNCTION @extschema@.synth_stats(name)
    SET jit_inline_above_cost = -1 SET jit_optimize_above_cost = -1;
ALTER FUNCTION @extschema@.synth_card_incremental(timestamptz, bigint, double precision, double precision, name)
    SET jit_inline_above_cost = -1 SET jit_optimize_above_cost = -1;
ALTER FUNCTION @extschema@.synth_training_split(timestamptz, name)
    SET jit_inline_above_cost = -1 SET jit_optimize_above_cost = -1 SET enable_parallel_hash = off;
ALTER FUNCTION @extschema@.synth_report(name, timestamptz)
    SET jit_inline_above_cost = -1 SET jit_optimize_above_cost = -1 SET enable_parallel_hash = off;
