// Each person's department (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})-[:MEMBER_OF]->(d:Department)
USING INDEX person:Person(id)
RETURN id AS key, d {.*} AS value
