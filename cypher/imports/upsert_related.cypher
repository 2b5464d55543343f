// Skill adjacency with a weight in (0, 1] and the signals behind it (`sources`); stored once per
// pair, read in both directions. Every RELATED_TO link counts as adjacency (`adjacent`). Bumps
// the SkillNamesVersion: the service's suggester, built with the links, rebuilds when it does.
// :param stamp => 'a1b2c3d4e5f60718'
// :param rows => [{skill_id: 'esco-1', related_id: 'esco-2', weight: 0.6, sources: ['esco', 'text']}]
UNWIND $rows AS row
MATCH (a:Skill {id: row.skill_id})
MATCH (b:Skill {id: row.related_id})
MERGE (a)-[r:RELATED_TO]->(b)
SET r.weight = row.weight, r.sources = row.sources, r.adjacent = true, r.taxonomy_import = $stamp
WITH count(*) AS written
MERGE (version:SkillNamesVersion {id: 'skills'})
SET version.version = randomUUID()
