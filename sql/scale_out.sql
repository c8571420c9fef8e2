-- One world over three clusters: this one coordinates, two more on 127.0.0.1 (started by scripts/test.sh, their
-- ports in SYNTHGEN_SHARD1_PORT and SYNTHGEN_SHARD2_PORT, each with a database "world" holding synthgen) seed
-- its chunks. The distributed world is row for row the single-server world of the same seed.
\getenv shard1_port SYNTHGEN_SHARD1_PORT
\getenv shard2_port SYNTHGEN_SHARD2_PORT
SET timezone = 'UTC';
CREATE EXTENSION synthgen;
CREATE EXTENSION dblink;
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard_one FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port :'shard1_port', dbname 'world');
CREATE SERVER shard_two FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port :'shard2_port', dbname 'world');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_one OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_two OPTIONS (user 'postgres');
CREATE SCHEMA dist;
CREATE SCHEMA single;

SELECT shard, server, first_user, users_generated, records, metadata_rows, seed_used
FROM synth_seed_distributed(ARRAY['shard_one', 'shard_two'], users => 3001, seed => 11, target_schema => 'dist');
SELECT users_generated, records, metadata_rows
FROM synth_seed(users => 3001, seed => 11, target_schema => 'single');

-- The partitions are foreign tables, one per server, and a shard's rows are on its server.
SELECT c.relname, c.relkind, s.srvname, ft.ftoptions
FROM pg_class c JOIN pg_foreign_table ft ON ft.ftrelid = c.oid JOIN pg_foreign_server s ON s.oid = ft.ftserver
WHERE c.relnamespace = 'dist'::regnamespace ORDER BY 1;
SELECT shard, count(*) FROM dist.generated_records GROUP BY 1 ORDER BY 1;
SELECT * FROM dblink('shard_two', 'SELECT count(*), min(shard), max(shard) FROM public.generated_records_shard')
    AS t(rows bigint, min_shard integer, max_shard integer);
EXPLAIN (COSTS OFF) SELECT count(*) FROM dist.generated_records WHERE shard = 2;

-- Row for row the same world: an ordered md5 of every generated column (id and created_at are each
-- database's own: an identity and the load time).
CREATE FUNCTION pg_temp.world_md5(target name) RETURNS TABLE (records text, metadata text) LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT (SELECT md5(string_agg(r::text, '|' ORDER BY r.record_id))
                FROM (SELECT record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn,
                             available_balance, balance_to_transaction_ratio, avg_available_balance_30d,
                             balance_volatility_z_score, bank_connections_count_24h, bank_connections_count_7d,
                             bank_connections_avg_30d, amount, amount_to_avg_ratio, merchant_risk_score, is_returned,
                             email_changed_at, phone_changed_at, is_fraudulent, fraud_type, new_bank_connections
                      FROM %1$I.generated_records) r),
               (SELECT md5(string_agg(m::text, '|' ORDER BY m.record_id))
                FROM (SELECT user_id, record_id, sequence_number, fraud_confirmed_at, is_pre_fraud, days_to_fraud,
                             is_train_eligible, is_fraud_event, true_fraud_type
                      FROM %1$I.evaluation_metadata) m)
        $q$, target);
END $$;
SELECT d.records = s.records AS same_records, d.metadata = s.metadata AS same_metadata,
       d.records IS NOT NULL AND d.metadata IS NOT NULL AS not_empty
FROM pg_temp.world_md5('dist') d, pg_temp.world_md5('single') s;
-- The whole world is queryable from here, e.g. the original's stats.
SELECT (SELECT array_agg(value ORDER BY metric) FROM synth_stats('dist')) =
       (SELECT array_agg(value ORDER BY metric) FROM synth_stats('single')) AS same_stats;

-- A server holds one chunk, so it may be listed once; bad arguments get PostgreSQL errors.
\set VERBOSITY terse
SELECT count(*) FROM synth_seed_distributed(ARRAY['shard_one', 'shard_one'], users => 10, seed => 1, target_schema => 'dist', drop_tables => true);
SELECT count(*) FROM synth_seed_distributed(ARRAY['shard_one', 'nowhere'], users => 10, seed => 1, target_schema => 'dist', drop_tables => true);
SELECT count(*) FROM synth_seed_distributed('{}', users => 10, seed => 1, target_schema => 'dist');
SELECT count(*) FROM synth_seed_distributed(ARRAY['shard_one', 'shard_two'], users => 10, seed => 1, target_schema => 'dist');
SELECT count(*) FROM synth_seed_distributed(ARRAY['shard_one', 'shard_two'], users => -1, seed => 1, target_schema => 'dist', drop_tables => true);
-- An error on a server (here: its schema does not exist) rolls every server back and leaves the world as it was.
SELECT count(*) FROM synth_seed_distributed(ARRAY['shard_one', 'shard_two'], users => 10, seed => 1, target_schema => 'dist', drop_tables => true, remote_schema => 'missing');
-- So does a cancel (statement_timeout) in the middle of a large fill.
SET statement_timeout = '1s';
SELECT count(*) FROM synth_seed_distributed(ARRAY['shard_one', 'shard_two'], users => 400000, seed => 1, target_schema => 'dist', drop_tables => true);
RESET statement_timeout;
\set VERBOSITY default
SELECT count(*) AS records_still_there FROM dist.generated_records;
SELECT dblink_get_connections() AS connections_left;
SELECT d.records = s.records AS same_world_after_failures
FROM pg_temp.world_md5('dist') d, pg_temp.world_md5('single') s;
