// How many active people each department has, its sub-departments included (DataLoader).
// :param ids => ['D1']
UNWIND $ids AS id
MATCH (d:Department {id: id})
USING INDEX d:Department(id)
OPTIONAL MATCH (p:Person {active: true})-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(d)
RETURN id AS key, {headcount: count(DISTINCT p)} AS value
