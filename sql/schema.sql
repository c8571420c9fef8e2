-- The extension installs into a non-default schema and works from there, fully qualified.
DROP EXTENSION synthgen;
CREATE SCHEMA synth_ext;
CREATE EXTENSION synthgen SCHEMA synth_ext;
SELECT count(*) FROM synth_ext.synth_generate_users(100, seed => 1);
CREATE SCHEMA elsewhere;
SELECT users_generated, records FROM synth_ext.synth_seed(users => 50, seed => 3, target_schema => 'elsewhere');
SELECT metric, value FROM synth_ext.synth_stats('elsewhere') WHERE metric = 'records';
-- The functions do not depend on the caller's search_path.
SET search_path = elsewhere;
SELECT count(*) FROM synth_ext.synth_generate_users(10, seed => 1);
RESET search_path;
-- DROP EXTENSION never destroys data.
DROP EXTENSION synthgen;
SELECT count(*) FROM elsewhere.generated_records;
SET client_min_messages = warning;
DROP SCHEMA elsewhere CASCADE;
DROP SCHEMA synth_ext;
