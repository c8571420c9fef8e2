-- Scalar probes of synthgen's set-returning functions, for test/sqlsmith/run.sh: sqlsmith only calls functions
-- that return one value, so every set-returning function of the extension gets a twin in schema probe, with the
-- same parameters (no defaults: sqlsmith passes them all), that calls it and folds its rows into one bigint. The
-- fold turns every row into text, so each generated value also goes through its type's output function. A probe
-- carries its function's volatility and parallel-safety labels, so that a run with force_parallel_mode puts the
-- probes of parallel-safe functions in a parallel worker as it does the functions. Made from the catalog, so a
-- function added to the extension gets its probe without a change here.
DO $probes$
DECLARE
    routine record;
BEGIN
    FOR routine IN
        SELECT p.proname, n.nspname,
               pg_catalog.pg_get_function_identity_arguments(p.oid) AS parameters,
               CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END AS volatility,
               CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED' ELSE 'UNSAFE' END AS parallel,
               (SELECT pg_catalog.string_agg('$' || i, ', ' ORDER BY i)
                FROM pg_catalog.generate_series(1, p.pronargs) AS i) AS arguments
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                                   AND d.deptype = 'e'
        JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'synthgen'
        WHERE p.proretset
        ORDER BY p.proname
    LOOP
        EXECUTE format($create$
            CREATE FUNCTION probe.%1$I(%2$s) RETURNS bigint LANGUAGE sql %5$s PARALLEL %6$s
            AS 'SELECT coalesce(sum(pg_catalog.hashtext(r::text)), 0) FROM %3$I.%1$I(%4$s) AS r'
            $create$, routine.proname, routine.parameters, routine.nspname, coalesce(routine.arguments, ''),
            routine.volatility, routine.parallel);
        EXECUTE format('COMMENT ON FUNCTION probe.%1$I(%2$s) IS %3$L', routine.proname, routine.parameters,
                       format('Calls %I.%I with the same arguments and folds its rows into one bigint.',
                              routine.nspname, routine.proname));
    END LOOP;
END
$probes$;

SELECT count(*) AS probes FROM pg_catalog.pg_proc WHERE pronamespace = 'probe'::regnamespace;
