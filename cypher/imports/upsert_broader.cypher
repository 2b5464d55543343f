// Links a skill to its broader skill (the taxonomy's hierarchy, child to parent); `adjacent` says
// whether the step counts as evidence for matching and peopleNearSkill (README "Skill adjacency").
// :param stamp => 'a1b2c3d4e5f60718'
// :param rows => [{skill_id: 'esco-1', broader_id: 'esco-group-1', adjacent: false}]
UNWIND $rows AS row
MATCH (child:Skill {id: row.skill_id})
MATCH (parent:Skill {id: row.broader_id})
MERGE (child)-[b:BROADER]->(parent)
SET b.taxonomy_import = $stamp, b.adjacent = row.adjacent
