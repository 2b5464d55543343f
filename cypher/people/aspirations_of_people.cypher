// Each person's aspirations, one list per person, private ones included: the resolver hides
// those the viewer may not see (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})
USING INDEX person:Person(id)
RETURN id AS key, COLLECT {
  MATCH (person)-[a:ASPIRES_TO]->(s:Skill)
  RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
          interest: a.interest, visibility: a.visibility}
  ORDER BY a.interest DESC, s.label
} AS value
