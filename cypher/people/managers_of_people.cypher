// Each person's manager (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})-[:REPORTS_TO]->(m:Person)
USING INDEX person:Person(id)
RETURN id AS key, m {.*} AS value
