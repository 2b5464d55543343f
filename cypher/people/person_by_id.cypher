// One person by their organisation id.
// :param id => 'P1'
MATCH (p:Person {id: $id})
RETURN p {.*} AS person
