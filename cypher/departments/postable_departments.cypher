// The departments a person may post gigs for, by name: their own, those above it (a member of
// Data is a member of Engineering, which Data is part of) and those inside it (a member of
// Engineering posts for Data). Each with its parent; one row, the list (`departments`), as in
// all_departments.cypher.
// :param person_id => 'P1'
MATCH (:Person {id: $person_id})-[:MEMBER_OF]->(own:Department)
CALL {
  WITH own
  MATCH (own)-[:PART_OF*0..]->(d:Department)
  RETURN d
  UNION
  WITH own
  MATCH (d:Department)-[:PART_OF*1..]->(own)
  RETURN d
}
WITH DISTINCT d
ORDER BY d.name, d.id
RETURN collect(d {.*, parent: [(d)-[:PART_OF]->(parent:Department) | parent {.*}][0]})
       AS departments
