// Each gig's owner (DataLoader).
// :param ids => ['G1']
UNWIND $ids AS id
MATCH (gig:Gig {id: id})-[:OWNED_BY]->(owner:Person)
USING INDEX gig:Gig(id)
RETURN id AS key, owner {.*} AS value
