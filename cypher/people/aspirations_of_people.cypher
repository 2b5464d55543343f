// Each person's aspirations, private ones included: the resolver hides those the viewer may not
// see (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})-[a:ASPIRES_TO]->(s:Skill)
USING INDEX person:Person(id)
RETURN id AS key, {skill: s {.id, .label, .aliases, .type, .description, .custom, .deprecated},
        interest: a.interest, visibility: a.visibility} AS value
ORDER BY key, a.interest DESC, s.label
