// How many active people hold each skill (DataLoader).
// :param ids => ['python']
UNWIND $ids AS id
MATCH (s:Skill {id: id})
USING INDEX s:Skill(id)
RETURN id AS key, {holders: COUNT { (p:Person {active: true})-[:HAS_SKILL]->(s) }} AS value
