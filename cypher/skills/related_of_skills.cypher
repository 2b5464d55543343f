// Each skill's related skills with the weight of the relation (stored once per pair, read both
// ways), strongest first, one list per skill (DataLoader).
// :param ids => ['python']
UNWIND $ids AS id
MATCH (skill:Skill {id: id})
USING INDEX skill:Skill(id)
RETURN id AS key, COLLECT {
  MATCH (skill)-[r:RELATED_TO]-(other:Skill)
  RETURN {skill: other {.id, .label, .type, .custom, .deprecated}, weight: r.weight}
  ORDER BY r.weight DESC, other.label
} AS value
