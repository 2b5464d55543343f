// The owner closes an engagement with what happened; when no engagement of the gig stays active
// and it had been filled, the gig is completed too.
// :param id => 'E1'
// :param hours_worked => 24.0
// :param rating => 5
// :param feedback => 'Great work'
// :param now => datetime('2026-12-01T17:00:00Z')
MATCH (e:Engagement {id: $id})-[:ON]->(g:Gig)
SET e.status = 'completed',
    e.completed_at = $now,
    e.hours_worked = $hours_worked,
    e.rating = $rating,
    e.feedback = $feedback
WITH e, g, g.status AS gig_status,
     NOT EXISTS { (g)<-[:ON]-(other:Engagement {status: 'active'}) WHERE other <> e }
       AS none_active
FOREACH (_ IN CASE WHEN none_active AND gig_status IN ['filled', 'in_progress'] THEN [1] ELSE [] END |
  SET g.status = 'completed', g.completed_at = $now)
RETURN gig_status, g.status AS gig_status_now
