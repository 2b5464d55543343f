// Each person's direct reports, by name (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})<-[:REPORTS_TO]-(r:Person)
USING INDEX person:Person(id)
RETURN id AS key, r {.*} AS value
ORDER BY key, r.name, r.id
