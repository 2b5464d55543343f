// A new application (a person applying) or invitation (the gig's owner inviting someone).
// :param id => 'A1'
// :param person_id => 'P2'
// :param gig_id => 'G1'
// :param state => 'submitted'
// :param origin => 'application'
// :param note => 'I built the last one'
// :param now => datetime('2026-11-01T09:00:00Z')
MATCH (p:Person {id: $person_id})
MATCH (g:Gig {id: $gig_id})
CREATE (a:Application {id: $id, state: $state, origin: $origin, note: $note, created_at: $now,
                       updated_at: $now, approval_state: 'not_requested'})
CREATE (p)-[:APPLIED]->(a)
CREATE (a)-[:TO]->(g)
RETURN a.id AS id
