// The department a respondent's answers are counted in: where they are a member now.
// :param person_id => 'P1'
OPTIONAL MATCH (:Person {id: $person_id})-[:MEMBER_OF]->(d:Department)
RETURN d.id AS department_id
