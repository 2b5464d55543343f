// Each skill's broader skills (DataLoader).
// :param ids => ['python']
UNWIND $ids AS id
MATCH (skill:Skill {id: id})-[:BROADER]->(b:Skill)
USING INDEX skill:Skill(id)
RETURN id AS key, b {.*} AS value
ORDER BY key, b.label
