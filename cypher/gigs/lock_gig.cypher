// Takes a gig's write lock for the rest of the transaction and returns it with its owner's id,
// so concurrent changes of one gig run one after the other. (Setting a property to the value it
// has takes no lock: concurrent cancels all went through; a real write does.)
// :param id => 'G1'
MATCH (g:Gig {id: $id})-[:OWNED_BY]->(owner:Person)
SET g._lock = true
REMOVE g._lock
RETURN g {.*} AS gig, owner.id AS owner_id,
       COUNT { (g)-[:REQUIRES]->() } AS skills
