// Departments by id (DataLoader).
// :param ids => ['D1', 'D2']
UNWIND $ids AS id
MATCH (d:Department {id: id})
USING INDEX d:Department(id)
RETURN id AS key, d {.*} AS value
