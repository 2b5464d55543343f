// Who the fault and load benchmarks act as: the first active person (by id) in a department,
// with that department.
MATCH (p:Person {active: true})-[:MEMBER_OF]->(d:Department)
RETURN p.id AS person_id, d.id AS department_id
ORDER BY p.id
LIMIT 1
