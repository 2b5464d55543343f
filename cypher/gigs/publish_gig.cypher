// Opens a draft gig to applications.
// :param id => 'G1'
MATCH (g:Gig {id: $id})
SET g.status = 'open', g.published_at = datetime()
RETURN g {.*} AS gig
