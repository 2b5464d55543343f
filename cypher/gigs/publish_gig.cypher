// Opens a draft gig to applications.
// :param id => 'G1'
// :param target => 'open'
MATCH (g:Gig {id: $id})
SET g.status = $target, g.published_at = datetime()
RETURN g {.*} AS gig
