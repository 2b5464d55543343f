// Each skill's narrower skills (DataLoader).
// :param ids => ['programming']
UNWIND $ids AS id
MATCH (skill:Skill {id: id})<-[:BROADER]-(n:Skill)
USING INDEX skill:Skill(id)
RETURN id AS key, n {.*} AS value
ORDER BY key, n.label
