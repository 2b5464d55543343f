// Each person's skills with proficiency and evidence, strongest first, one list per person
// (DataLoader). Skills carry their light properties; `confirmed_at` is in epoch milliseconds.
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})
USING INDEX person:Person(id)
RETURN id AS key, COLLECT {
  MATCH (person)-[r:HAS_SKILL]->(s:Skill)
  RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
          proficiency: r.proficiency, validated: r.validated, source: r.source,
          confirmed_at: r.confirmed_at.epochMillis}
  ORDER BY r.proficiency DESC, s.label
} AS value
