// Each skill's narrower skills, one list per skill (DataLoader).
// :param ids => ['programming']
UNWIND $ids AS id
MATCH (skill:Skill {id: id})
USING INDEX skill:Skill(id)
RETURN id AS key, COLLECT {
  MATCH (skill)<-[:BROADER]-(narrower:Skill)
  RETURN narrower {.id, .label, .type, .custom, .deprecated}
  ORDER BY narrower.label
} AS value
