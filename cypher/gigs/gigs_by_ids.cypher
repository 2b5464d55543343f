// Gigs by id, with their owner's id for the draft visibility rule (DataLoader).
// :param ids => ['G1', 'G2']
UNWIND $ids AS id
MATCH (g:Gig {id: id})-[:OWNED_BY]->(owner:Person)
USING INDEX g:Gig(id)
RETURN id AS key, g {.*, owner_id: owner.id} AS value
