// The names of the people and departments an analytics answer ranks (such as the collaboration
// brokers), by id: one row with two lists of [id, name] pairs.
// :param person_ids => ['P1', 'P2']
// :param department_ids => ['D1']
CALL () {
  UNWIND $person_ids AS id
  MATCH (p:Person {id: id})
  RETURN collect([id, p.name]) AS people
}
CALL () {
  UNWIND $department_ids AS id
  MATCH (d:Department {id: id})
  RETURN collect([id, d.name]) AS departments
}
RETURN people, departments
