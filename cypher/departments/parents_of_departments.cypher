// Each department's parent (DataLoader).
// :param ids => ['D2']
UNWIND $ids AS id
MATCH (department:Department {id: id})-[:PART_OF]->(parent:Department)
USING INDEX department:Department(id)
RETURN id AS key, parent {.*} AS value
