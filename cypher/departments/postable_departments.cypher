// The departments a person may post gigs for, by name: their own, those above it (a member of
// Data is a member of Engineering, which Data is part of) and those inside it (a member of
// Engineering posts for Data). Each with its parent.
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
RETURN d {.*, parent: [(d)-[:PART_OF]->(parent:Department) | parent {.*}][0]} AS department
ORDER BY d.name, d.id
