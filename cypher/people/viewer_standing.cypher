// Whether the person a token names exists and is active: every request's first question.
// :param id => 'P1'
MATCH (p:Person {id: $id})
RETURN p.active AS active
