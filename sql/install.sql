-- Installing the extension: its objects, their labels, settings and comments.
CREATE EXTENSION synthgen;

SELECT p.proname,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       p.provolatile AS volatility, p.proparallel AS parallel, p.proisstrict AS strict,
       p.prosecdef AS security_definer, p.proconfig AS settings,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'synthgen'
ORDER BY p.proname;
