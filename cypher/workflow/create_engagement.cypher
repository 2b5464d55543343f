// An accepted offer becomes an active engagement at the gig's weekly hours, carrying the approval
// that led to it; the last seat marks the gig filled.
// :param id => 'E1'
// :param application_id => 'A1'
// :param fills => true
// :param now => datetime('2026-11-01T09:00:00Z')
// :param sources => ['open']
// :param target => 'filled'
MATCH (p:Person)-[:APPLIED]->(a:Application {id: $application_id})-[:TO]->(g:Gig)
CREATE (e:Engagement {id: $id, status: 'active', hours_per_week: g.hours_per_week,
                      started_at: $now, approver_id: a.approver_id,
                      approval_requested_at: a.approval_requested_at,
                      approval_decided_at: a.approval_decided_at})
CREATE (p)-[:ENGAGED_IN]->(e)
CREATE (e)-[:ON]->(g)
CREATE (a)-[:RESULTED_IN]->(e)
FOREACH (_ IN CASE WHEN $fills AND g.status IN $sources THEN [1] ELSE [] END |
  SET g.status = $target, g.filled_at = $now)
RETURN e.id AS id
