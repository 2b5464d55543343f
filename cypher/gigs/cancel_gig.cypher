// Cancels a gig.
// :param id => 'G1'
MATCH (g:Gig {id: $id})
SET g.status = 'cancelled', g.cancelled_at = datetime()
RETURN g {.*} AS gig
