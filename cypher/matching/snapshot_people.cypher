// Every person with what matching needs to know about them, for the speed benchmark's in-memory
// scorers (benchmarks/matching_speed.py): eligibility, remaining capacity, recent engagements.
// :param exposure_months => 6
MATCH (p:Person)
OPTIONAL MATCH (p)-[:MEMBER_OF]->(d:Department)
CALL (p) {
  OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
  OPTIONAL MATCH (e)-[:ON]->(g:Gig)
  RETURN sum(CASE WHEN e.status = 'active' THEN e.hours_per_week ELSE 0.0 END) AS committed,
         count(CASE WHEN e.status = 'active'
                      OR (e.status = 'completed'
                          AND e.completed_at >= datetime() - duration({months: $exposure_months}))
                    THEN 1 END) AS recent,
         collect(CASE WHEN e.status = 'active' THEN g.id END) AS active_gig_ids
}
RETURN p.id AS id, coalesce(p.active, false) AS active, d.id AS department_id,
       coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
         AS remaining_hours,
       recent, active_gig_ids
