-- A script that breaks six of the rules of extension_scripts.pl, once each (make test checks that it reports
-- all six), so that the lint's clean result on the real scripts means something.
CREATE OR REPLACE FUNCTION @extschema@.synth_new(x int)
RETURNS int LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM synth_random_seed();
    RAISE NOTICE 'call synth_seed() first';
    x := @extschema@.synth_random_seed();
    RETURN 1;
END $f$;
CREATE FUNCTION synth_other() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ SELECT 1 $$;
CREATE TABLE IF NOT EXISTS foo (a int);
