// Cancels a gig.
// :param id => 'G1'
// :param target => 'cancelled'
MATCH (g:Gig {id: $id})
SET g.status = $target, g.cancelled_at = datetime()
RETURN g {.*} AS gig
