-- The update path: 0.1 updated to the current version has exactly the objects of a fresh install (members,
-- function definitions, labels and comments).
CREATE FUNCTION pg_temp.synthgen_objects() RETURNS TABLE (object text, definition text, comment text)
LANGUAGE sql AS $$
  SELECT pg_describe_object(d.classid, d.objid, 0),
         CASE WHEN d.classid = 'pg_proc'::regclass THEN md5(pg_get_functiondef(d.objid)) END,
         obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid))
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
  WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'synthgen' AND d.deptype = 'e'
$$;

CREATE EXTENSION synthgen VERSION '0.1';
SELECT extversion FROM pg_extension WHERE extname = 'synthgen';
ALTER EXTENSION synthgen UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'synthgen';
CREATE TEMP TABLE updated AS SELECT * FROM pg_temp.synthgen_objects();
DROP EXTENSION synthgen;
CREATE EXTENSION synthgen;
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.synthgen_objects();

SELECT count(*) AS objects FROM fresh;
SELECT 'only after update' AS side, * FROM (SELECT * FROM updated EXCEPT SELECT * FROM fresh) u
UNION ALL
SELECT 'only in fresh install', * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM updated) f;
-- The updated extension works.
SELECT count(*) FROM synth_generate_users(10, seed => 1);
