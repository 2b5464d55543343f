// Each department's direct sub-departments by name, one list per department (DataLoader).
// :param ids => ['D1']
UNWIND $ids AS id
MATCH (department:Department {id: id})
USING INDEX department:Department(id)
RETURN id AS key, COLLECT {
  MATCH (department)<-[:PART_OF]-(child:Department)
  RETURN child {.*}
  ORDER BY child.name
} AS value
