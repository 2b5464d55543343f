// Each skill's related skills with the weight of the relation, stored once per pair and read
// both ways, strongest first (DataLoader).
// :param ids => ['python']
UNWIND $ids AS id
MATCH (skill:Skill {id: id})-[r:RELATED_TO]-(other:Skill)
USING INDEX skill:Skill(id)
RETURN id AS key, {skill: other {.id, .label, .aliases, .type, .description, .custom, .deprecated},
        weight: r.weight} AS value
ORDER BY key, r.weight DESC, other.label
