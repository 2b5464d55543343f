// The owner closes an engagement with what happened; when no engagement of the gig stays active
// and it had been filled, the gig is completed too.
// :param id => 'E1'
// :param hours_worked => 24.0
// :param rating => 5
// :param feedback => 'Great work'
// :param now => datetime('2026-12-01T17:00:00Z')
// :param sources => ['filled', 'in_progress']
// :param target => 'completed'
MATCH (e:Engagement {id: $id})-[:ON]->(g:Gig)
SET e.status = 'completed',
    e.completed_at = $now,
    e.hours_worked = $hours_worked,
    e.rating = $rating,
    e.feedback = $feedback
WITH e, g, g.status AS gig_status,
     NOT EXISTS { (g)<-[:ON]-(other:Engagement {status: 'active'}) WHERE other <> e }
       AS none_active
FOREACH (_ IN CASE WHEN none_active AND gig_status IN $sources THEN [1] ELSE [] END |
  SET g.status = $target, g.completed_at = $now)
RETURN gig_status, g.status AS gig_status_now
