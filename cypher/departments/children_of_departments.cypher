// Each department's direct sub-departments, by name (DataLoader).
// :param ids => ['D1']
UNWIND $ids AS id
MATCH (department:Department {id: id})<-[:PART_OF]-(child:Department)
USING INDEX department:Department(id)
RETURN id AS key, child {.*} AS value
ORDER BY key, child.name
