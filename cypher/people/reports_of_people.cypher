// Each person's direct reports by name, one list per person (DataLoader).
// :param ids => ['P1', 'P2']
UNWIND $ids AS id
MATCH (person:Person {id: id})
USING INDEX person:Person(id)
RETURN id AS key, COLLECT {
  MATCH (person)<-[:REPORTS_TO]-(report:Person)
  RETURN report {.*}
  ORDER BY report.name, report.id
} AS value
