// Re-points each department's PART_OF to the parent the export names (none for a top department).
// :param rows => [{id: 'D2', parent_id: 'D1'}]
UNWIND $rows AS row
MATCH (d:Department {id: row.id})
OPTIONAL MATCH (d)-[old:PART_OF]->(previous)
WHERE row.parent_id IS NULL OR previous.id <> row.parent_id
DELETE old
WITH DISTINCT d, row
OPTIONAL MATCH (parent:Department {id: row.parent_id})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | MERGE (d)-[:PART_OF]->(parent))
