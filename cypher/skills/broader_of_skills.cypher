// Each skill's broader skills, one list per skill (DataLoader).
// :param ids => ['python']
UNWIND $ids AS id
MATCH (skill:Skill {id: id})
USING INDEX skill:Skill(id)
RETURN id AS key, COLLECT {
  MATCH (skill)-[:BROADER]->(broader:Skill)
  RETURN broader {.id, .label, .type, .custom, .deprecated}
  ORDER BY broader.label
} AS value
