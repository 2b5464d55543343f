// Each person's skills with proficiency and evidence, strongest first (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})-[r:HAS_SKILL]->(s:Skill)
USING INDEX person:Person(id)
RETURN id AS key,
       {skill: s {.id, .label, .aliases, .type, .description, .custom, .deprecated},
        proficiency: r.proficiency, validated: r.validated, source: r.source,
        confirmed_at: r.confirmed_at} AS value
ORDER BY key, r.proficiency DESC, s.label
