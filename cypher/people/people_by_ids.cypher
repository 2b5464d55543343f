// People by id (DataLoader: one query for every person a request level asks for).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (p:Person {id: id})
USING INDEX p:Person(id)
RETURN id AS key, p {.*} AS value
