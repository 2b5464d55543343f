// When a gig's last seat is taken, every other live application to it is rejected with a reason,
// so nobody waits for an answer that will not come.
// :param gig_id => 'G1'
// :param reason => 'all seats have been filled'
// :param now => datetime('2026-11-01T09:00:00Z')
MATCH (p:Person)-[:APPLIED]->(a:Application)-[:TO]->(:Gig {id: $gig_id})
WHERE a.state IN ['invited', 'submitted', 'shortlisted', 'offered']
WITH p, a, a.state AS from_state
SET a.state = 'rejected',
    a.decision_reason = $reason,
    a.updated_at = $now
RETURN a.id AS id, p.id AS person_id, from_state
