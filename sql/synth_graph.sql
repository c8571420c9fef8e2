-- The graph world: the transaction world's users, chunk invariance, and every fraud structure found again by
-- independent SQL.
SET timezone = 'UTC';
SELECT node_type, pattern, count(*) FROM synth_generate_graph_nodes(1000, seed => 42) GROUP BY 1, 2 ORDER BY 1, 2;
SELECT edge_type, pattern, count(*) FROM synth_generate_graph_edges(1000, seed => 42) GROUP BY 1, 2 ORDER BY 1, 2;

-- The graph's users are the users of generated_records for the same seed and world.
SELECT count(*) AS user_nodes, count(*) FILTER (WHERE u.user_id IS NULL) AS unknown_to_the_transaction_world
FROM synth_generate_graph_nodes(1000, seed => 42) g
LEFT JOIN (SELECT DISTINCT user_id, full_name, email, phone FROM synth_generate_users(1000, seed => 42)) u
       ON u.user_id = g.node_id AND u.full_name = g.name AND u.email = g.email AND u.phone = g.phone
WHERE g.node_type = 'user';

-- Chunk invariance: users [0, 1000) at once equal the chunks [0, 350) + [350, 1000) of the same world.
SELECT count(*) AS differing_nodes FROM (
  (SELECT * FROM synth_generate_graph_nodes(1000, seed => 42)
   EXCEPT ALL (SELECT * FROM synth_generate_graph_nodes(350, seed => 42, world_size => 1000)
               UNION ALL SELECT * FROM synth_generate_graph_nodes(650, seed => 42, first_user => 350, world_size => 1000)))
  UNION ALL
  ((SELECT * FROM synth_generate_graph_nodes(350, seed => 42, world_size => 1000)
    UNION ALL SELECT * FROM synth_generate_graph_nodes(650, seed => 42, first_user => 350, world_size => 1000))
   EXCEPT ALL SELECT * FROM synth_generate_graph_nodes(1000, seed => 42))) d;
SELECT count(*) AS differing_edges FROM (
  (SELECT * FROM synth_generate_graph_edges(1000, seed => 42)
   EXCEPT ALL (SELECT * FROM synth_generate_graph_edges(350, seed => 42, world_size => 1000)
               UNION ALL SELECT * FROM synth_generate_graph_edges(650, seed => 42, first_user => 350, world_size => 1000)))
  UNION ALL
  ((SELECT * FROM synth_generate_graph_edges(350, seed => 42, world_size => 1000)
    UNION ALL SELECT * FROM synth_generate_graph_edges(650, seed => 42, first_user => 350, world_size => 1000))
   EXCEPT ALL SELECT * FROM synth_generate_graph_edges(1000, seed => 42))) d;

-- A larger world in tables, with more structures.
CREATE SCHEMA graph;
SELECT nodes, edges, seed_used FROM synth_seed_graph(users => 3000, seed => 7, target_schema => 'graph',
    device_rings => 3, ip_clusters => 2, kiting_cycles => 4, kiting_cycle_length => 4);
SELECT count(*) AS dangling_edges FROM graph.graph_edges e
WHERE NOT EXISTS (SELECT FROM graph.graph_nodes n WHERE n.node_id = e.source_id)
   OR NOT EXISTS (SELECT FROM graph.graph_nodes n WHERE n.node_id = e.target_id);

-- The tables hold exactly the generators' rows (the bulk path's values, typed by the table's columns), the
-- edges numbered by their identity column in generation order, and the keys and indexes rebuilt after loading.
SELECT count(*) AS differing_nodes FROM (
  (SELECT node_id, node_type, name, email, phone, fingerprint, device_type, os, user_agent, account_number,
          account_type, balance, ip_address, is_vpn, country, pattern, structure_id FROM graph.graph_nodes
   EXCEPT ALL SELECT * FROM synth_generate_graph_nodes(3000, seed => 7, device_rings => 3, ip_clusters => 2,
                                                       kiting_cycles => 4, kiting_cycle_length => 4))
  UNION ALL
  (SELECT * FROM synth_generate_graph_nodes(3000, seed => 7, device_rings => 3, ip_clusters => 2,
                                            kiting_cycles => 4, kiting_cycle_length => 4)
   EXCEPT ALL SELECT node_id, node_type, name, email, phone, fingerprint, device_type, os, user_agent, account_number,
                     account_type, balance, ip_address, is_vpn, country, pattern, structure_id FROM graph.graph_nodes)) d;
SELECT count(*) AS edges, count(*) FILTER (WHERE e.id = g.ordinality) AS in_generation_order
FROM graph.graph_edges e
FULL JOIN synth_generate_graph_edges(3000, seed => 7, device_rings => 3, ip_clusters => 2, kiting_cycles => 4,
                                     kiting_cycle_length => 4) WITH ORDINALITY g
  ON g.ordinality = e.id AND (g.edge_type, g.source_id, g.target_id, g.created_at, g.access_count, g.session_count,
                              g.amount, g.hop_number, g.pattern, g.structure_id)
                             IS NOT DISTINCT FROM
                             (e.edge_type, e.source_id, e.target_id, e.created_at, e.access_count, e.session_count,
                              e.amount, e.hop_number, e.pattern, e.structure_id);
SELECT indexrelid::regclass AS index, indisprimary AS primary_key FROM pg_index
WHERE indrelid IN ('graph.graph_nodes'::regclass, 'graph.graph_edges'::regclass) ORDER BY indexrelid::regclass::text;
-- Into tables that already hold rows, the indexes are maintained row by row: the same world again is refused by
-- the primary key and leaves nothing behind.
\set VERBOSITY terse
SELECT nodes FROM synth_seed_graph(users => 3000, seed => 7, target_schema => 'graph');
\set VERBOSITY default
SELECT count(*) AS nodes FROM graph.graph_nodes;
SELECT nodes, edges FROM synth_seed_graph(users => 20, seed => 8, target_schema => 'graph', device_rings => 0,
                                          ip_clusters => 0, kiting_cycles => 0);
SET enable_seqscan = off;
SELECT count(*) AS nodes_found_by_index FROM graph.graph_nodes WHERE node_id >= '';
SELECT max(id) AS last_edge_id FROM graph.graph_edges;
RESET enable_seqscan;

-- Kiting: a recursive walk along transfers finds exactly the generated cycles (as sets of accounts).
WITH RECURSIVE walk (start_id, current_id, path, hops) AS (
    SELECT source_id, target_id, ARRAY[source_id::text, target_id::text], 1
    FROM graph.graph_edges WHERE edge_type = 'transfers_to'
  UNION ALL
    SELECT w.start_id, e.target_id, w.path || e.target_id::text, w.hops + 1
    FROM walk w JOIN graph.graph_edges e ON e.edge_type = 'transfers_to' AND e.source_id = w.current_id
    WHERE w.current_id <> w.start_id AND w.hops < 64),
cycles AS (
    SELECT DISTINCT (SELECT array_agg(a ORDER BY a) FROM unnest(path[2:]) a) AS accounts, hops
    FROM walk WHERE current_id = start_id),
generated AS (
    SELECT array_agg(source_id::text ORDER BY source_id) AS accounts, count(*) AS hops
    FROM graph.graph_edges WHERE pattern = 'kiting' AND edge_type = 'transfers_to' GROUP BY structure_id)
SELECT (SELECT count(*) FROM cycles) AS cycles_found, (SELECT count(*) FROM generated) AS cycles_generated,
       (SELECT count(*) FROM cycles c JOIN generated g USING (accounts, hops)) AS matching,
       (SELECT min(hops) FROM cycles) AS shortest, (SELECT max(hops) FROM cycles) AS longest;

-- Device sharing: devices used by more than 5 distinct users within some 7 days are exactly the rings.
WITH usage AS (
    SELECT e.target_id AS device_id, e.source_id AS user_id, e.created_at
    FROM graph.graph_edges e JOIN graph.graph_nodes u ON u.node_id = e.source_id AND u.node_type = 'user'
    WHERE e.edge_type = 'uses_device'),
crowded AS (
    SELECT DISTINCT a.device_id FROM usage a
    WHERE (SELECT count(DISTINCT b.user_id) FROM usage b WHERE b.device_id = a.device_id
           AND b.created_at >= a.created_at AND b.created_at < a.created_at + interval '7 days') > 5)
SELECT (SELECT count(*) FROM crowded) AS crowded_devices,
       (SELECT count(*) FROM graph.graph_nodes WHERE node_type = 'device' AND pattern = 'device_sharing') AS ring_devices,
       (SELECT count(*) FROM crowded c JOIN graph.graph_nodes n ON n.node_id = c.device_id AND n.pattern = 'device_sharing') AS matching;

-- IP recycling: IPs shared by several users are exactly the recycled VPN addresses.
WITH shared AS (
    SELECT target_id FROM graph.graph_edges WHERE edge_type = 'uses_ip' GROUP BY target_id HAVING count(DISTINCT source_id) > 1)
SELECT (SELECT count(*) FROM shared) AS shared_ips,
       (SELECT count(*) FROM graph.graph_nodes WHERE node_type = 'ip_address' AND pattern = 'ip_recycling') AS recycled_ips,
       (SELECT count(*) FROM shared s JOIN graph.graph_nodes n ON n.node_id = s.target_id
        WHERE n.pattern = 'ip_recycling' AND n.is_vpn) AS matching_vpn;

-- Errors.
\set VERBOSITY terse
SELECT count(*) FROM synth_generate_graph_nodes(NULL);
SELECT count(*) FROM synth_generate_graph_nodes(100, seed => 1, kiting_cycle_length => 2);
SELECT count(*) FROM synth_generate_graph_nodes(10, seed => 1);
SELECT count(*) FROM synth_generate_graph_edges(100, seed => 1, device_rings => -1);
SELECT * FROM synth_seed_graph(users => 10, seed => 1, target_schema => 'no_such_schema');
\set VERBOSITY default
SET client_min_messages = warning;
DROP SCHEMA graph CASCADE;
