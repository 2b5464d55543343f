// Re-points each person's REPORTS_TO to the manager the export names (none for the top).
// :param rows => [{id: 'P2', manager_id: 'P1'}]
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
OPTIONAL MATCH (p)-[old:REPORTS_TO]->(previous)
WHERE row.manager_id IS NULL OR previous.id <> row.manager_id
DELETE old
WITH DISTINCT p, row
OPTIONAL MATCH (manager:Person {id: row.manager_id})
FOREACH (_ IN CASE WHEN manager IS NULL THEN [] ELSE [1] END | MERGE (p)-[:REPORTS_TO]->(manager))
