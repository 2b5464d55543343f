// Skill adjacency with a weight in (0, 1]; stored once per pair, read in both directions.
// :param stamp => 'a1b2c3d4e5f60718'
// :param rows => [{skill_id: 'esco-1', related_id: 'esco-2', weight: 0.6}]
UNWIND $rows AS row
MATCH (a:Skill {id: row.skill_id})
MATCH (b:Skill {id: row.related_id})
MERGE (a)-[r:RELATED_TO]->(b)
SET r.weight = row.weight, r.taxonomy_import = $stamp
