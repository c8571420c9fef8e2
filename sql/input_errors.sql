-- Every bad input gets a PostgreSQL error with a documented SQLSTATE and a message naming the parameter.
-- Each failing call is followed by the SQLSTATE it raised.
\set VERBOSITY terse
CREATE SCHEMA errors_target;
CREATE SCHEMA errors_empty;
SELECT count(*) FROM synth_init('errors_target');

-- n is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(NULL);
\echo :LAST_ERROR_SQLSTATE
-- n is negative
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(-1);
\echo :LAST_ERROR_SQLSTATE
-- n is absurdly large
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(9223372036854775807);
\echo :LAST_ERROR_SQLSTATE
-- fraud_rate is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, fraud_rate => NULL);
\echo :LAST_ERROR_SQLSTATE
-- fraud_rate is NaN
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, fraud_rate => 'NaN');
\echo :LAST_ERROR_SQLSTATE
-- fraud_rate below 0
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, fraud_rate => -0.01);
\echo :LAST_ERROR_SQLSTATE
-- fraud_rate above 1
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, fraud_rate => 1.5);
\echo :LAST_ERROR_SQLSTATE
-- fraud_rate is infinite
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, fraud_rate => 'Infinity');
\echo :LAST_ERROR_SQLSTATE
-- simulation_date is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, simulation_date => NULL);
\echo :LAST_ERROR_SQLSTATE
-- simulation_date is infinite
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, simulation_date => 'infinity');
\echo :LAST_ERROR_SQLSTATE
-- simulation_date out of range
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, simulation_date => '1800-01-01 00:00:00+00');
\echo :LAST_ERROR_SQLSTATE
-- legacy is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, legacy => NULL);
\echo :LAST_ERROR_SQLSTATE
-- patterns is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, patterns => NULL);
\echo :LAST_ERROR_SQLSTATE
-- unknown pattern
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, patterns => ARRAY['ato', 'card_skimming']);
\echo :LAST_ERROR_SQLSTATE
-- pattern twice
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, patterns => ARRAY['ato', 'ato']);
\echo :LAST_ERROR_SQLSTATE
-- NULL pattern
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, patterns => ARRAY['ato', NULL]);
\echo :LAST_ERROR_SQLSTATE
-- two-dimensional patterns
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, patterns => ARRAY[['ato'], ['bust_out']]);
\echo :LAST_ERROR_SQLSTATE
-- no pattern but fraud wanted
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(100, patterns => '{}');
\echo :LAST_ERROR_SQLSTATE
-- no pattern and no fraud is fine
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(100, fraud_rate => 0, patterns => '{}', seed => 1);
\echo :LAST_ERROR_SQLSTATE
-- first_user is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, first_user => NULL);
\echo :LAST_ERROR_SQLSTATE
-- first_user is negative
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, first_user => -5);
\echo :LAST_ERROR_SQLSTATE
-- world_size is negative
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, world_size => -1);
\echo :LAST_ERROR_SQLSTATE
-- chunk outside the world
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, first_user => 95, world_size => 100);
\echo :LAST_ERROR_SQLSTATE
-- world_size absurdly large
\set LAST_ERROR_SQLSTATE 00000
SELECT count(*) FROM synth_generate_users(10, world_size => 9223372036854775807);
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: users is NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => NULL);
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: users negative
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => -3);
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: users absurdly large
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => 9223372036854775807);
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: fraud_rate out of range
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => 10, fraud_rate => 2, seed => 1, target_schema => 'errors_target');
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: unknown schema
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => 10, seed => 1, target_schema => 'no_such_schema');
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: target_schema NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => 10, seed => 1, target_schema => NULL);
\echo :LAST_ERROR_SQLSTATE
-- synth_seed: drop_tables NULL
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_seed(users => 10, seed => 1, drop_tables => NULL);
\echo :LAST_ERROR_SQLSTATE
-- synth_init: unknown schema
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_init('no_such_schema');
\echo :LAST_ERROR_SQLSTATE
-- synth_init: NULL schema
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_init(NULL);
\echo :LAST_ERROR_SQLSTATE
-- synth_init: tables already there
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_init('errors_target');
\echo :LAST_ERROR_SQLSTATE
-- synth_stats: no tables
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_stats('errors_empty');
\echo :LAST_ERROR_SQLSTATE
-- synth_stats: NULL schema
\set LAST_ERROR_SQLSTATE 00000
SELECT * FROM synth_stats(NULL);
\echo :LAST_ERROR_SQLSTATE

-- A failed fill leaves nothing behind.
SELECT count(*) AS records FROM errors_target.generated_records;
SET client_min_messages = warning;
DROP SCHEMA errors_target CASCADE;
DROP SCHEMA errors_empty;
