// Utilisation of available talent over [start, end): the gig hours people committed (each
// engagement's hours_per_week over the weeks it overlaps the period; cancelled ones excluded)
// against the capacity they offered (weekly_hours x gig_capacity_pct over the period's weeks), for
// the active members of the department and its sub-departments. `bench` counts people who offer
// capacity but had no engagement in the period.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
MATCH (p:Person)-[:MEMBER_OF]->(d)
WHERE coalesce(p.active, true)
WITH p, duration.inSeconds($start, $end).seconds / 604800.0 AS period_weeks,
     coalesce(p.weekly_hours, 40.0) * coalesce(p.gig_capacity_pct, 20.0) / 100.0 AS weekly_capacity
OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
  AND (e.completed_at IS NULL OR e.completed_at >= $start)
WITH p, period_weeks, weekly_capacity, e,
     CASE WHEN e.started_at IS NULL OR e.started_at < $start THEN $start ELSE e.started_at END AS began,
     CASE WHEN e.completed_at IS NULL OR e.completed_at > $end THEN $end ELSE e.completed_at END AS ended
WITH p, period_weeks, weekly_capacity, count(e) AS engagements,
     sum(CASE WHEN e IS NULL THEN 0.0
              ELSE coalesce(e.hours_per_week, 0.0) * duration.inSeconds(began, ended).seconds / 604800.0
         END) AS committed
RETURN count(p) AS people,
       sum(weekly_capacity * period_weeks) AS capacity_hours,
       sum(committed) AS committed_hours,
       sum(CASE WHEN weekly_capacity > 0 AND engagements = 0 THEN 1 ELSE 0 END) AS bench
