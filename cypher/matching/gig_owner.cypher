// A gig's owner, to check that a gig exists and who may see its candidates.
// :param gig_id => 'G1'
MATCH (g:Gig {id: $gig_id})
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
RETURN g.id AS gig_id, owner.id AS owner_id
