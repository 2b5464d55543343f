// Takes a gig's write lock for the rest of the transaction and returns it with its owner's id,
// so concurrent changes of one gig run one after the other.
// :param id => 'G1'
MATCH (g:Gig {id: $id})-[:OWNED_BY]->(owner:Person)
SET g.status = g.status
RETURN g {.*} AS gig, owner.id AS owner_id,
       COUNT { (g)-[:REQUIRES]->() } AS skills
