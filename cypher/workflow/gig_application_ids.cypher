// The applications and invitations to one gig, oldest first.
// :param gig_id => 'G1'
MATCH (a:Application)-[:TO]->(:Gig {id: $gig_id})
RETURN a.id AS id
ORDER BY a.created_at, a.id
