// Applications with everything a transition checks: the applicant (and their manager and the
// manager's manager), the gig (its owner and seats taken), the applicant's committed gig hours and
// the engagement the application resulted in. Rows follow the order of $ids (unknown ids are left
// out), then come the applications and invitations to the gig $gig_id, oldest first (a gig page
// reads them in this one query: ids [] and the gig's id; everything else: gig_id null).
// :param ids => ['A1']
// :param gig_id => null
CALL () {
  UNWIND range(0, size($ids) - 1) AS position
  MATCH (a:Application {id: $ids[position]})
  RETURN a, position
  UNION ALL
  MATCH (a:Application)-[:TO]->(:Gig {id: $gig_id})
  WITH a ORDER BY a.created_at, a.id
  WITH collect(a) AS found
  UNWIND range(0, size(found) - 1) AS index
  RETURN found[index] AS a, size($ids) + index AS position
}
MATCH (p:Person)-[:APPLIED]->(a)-[:TO]->(g:Gig)
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (p)-[:REPORTS_TO]->(manager:Person)
OPTIONAL MATCH (manager)-[:REPORTS_TO]->(grand_manager:Person)
OPTIONAL MATCH (a)-[:RESULTED_IN]->(e:Engagement)
WITH position, a, p, g, e, owner.id AS owner_id, manager.id AS manager_id,
     grand_manager.id AS grand_manager_id,
     COUNT { (g)<-[:ON]-(taken:Engagement) WHERE taken.status IN ['active', 'completed'] }
       AS seats_taken,
     reduce(total = 0.0, hours IN COLLECT {
       MATCH (p)-[:ENGAGED_IN]->(active:Engagement {status: 'active'})
       RETURN active.hours_per_week
     } | total + coalesce(hours, 0.0)) AS committed_hours
ORDER BY position
RETURN a {.*,
          person: p {.*},
          gig: g {.*},
          engagement: CASE WHEN e IS NULL THEN null ELSE e {.*,
            person: p {.*},
            gig: g {.*},
            demonstrated: COLLECT {
              MATCH (e)-[d:DEMONSTRATED]->(s:Skill)
              RETURN d {.*, skill: s {.*}} ORDER BY s.label
            }} END,
          owner_id: owner_id,
          manager_id: manager_id,
          grand_manager_id: grand_manager_id,
          seats_taken: seats_taken,
          committed_hours: committed_hours} AS application
