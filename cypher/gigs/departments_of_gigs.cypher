// Each gig's department (DataLoader).
// :param ids => ['G1']
UNWIND $ids AS id
MATCH (gig:Gig {id: id})-[:FOR_DEPARTMENT]->(d:Department)
USING INDEX gig:Gig(id)
RETURN id AS key, d {.*} AS value
