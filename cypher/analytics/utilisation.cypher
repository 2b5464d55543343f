// Utilisation of available talent over [start, end): the gig hours people committed (each
// engagement's hours_per_week over the weeks it overlaps the period; cancelled ones excluded)
// against the capacity they offered (weekly_hours x gig_capacity_pct over the period's weeks), for
// the active members of the department and its sub-departments. `bench` counts people who offer
// capacity but had no engagement in the period.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
CALL () {
  MATCH (d:Department)
  WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
  MATCH (d)<-[:MEMBER_OF]-(p:Person)
  WHERE coalesce(p.active, true)
  WITH coalesce(p.weekly_hours, 40.0) * coalesce(p.gig_capacity_pct, 20.0) / 100.0 AS capacity
  RETURN count(*) AS people, sum(capacity) AS weekly_capacity,
         sum(CASE WHEN capacity > 0 THEN 1 ELSE 0 END) AS offering
}
CALL () {
  MATCH (p:Person)-[:ENGAGED_IN]->(e:Engagement)
  WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
    AND (e.completed_at IS NULL OR e.completed_at >= $start)
    AND coalesce(p.active, true)
    AND ($department_id IS NULL
         OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  WITH p, e,
       CASE WHEN e.started_at IS NULL OR e.started_at < $start THEN $start ELSE e.started_at END
         AS began,
       CASE WHEN e.completed_at IS NULL OR e.completed_at > $end THEN $end ELSE e.completed_at END
         AS ended
  WITH p, sum(coalesce(e.hours_per_week, 0.0) * duration.inSeconds(began, ended).seconds / 604800.0)
            AS committed
  RETURN sum(committed) AS committed_hours,
         sum(CASE WHEN coalesce(p.weekly_hours, 40.0) * coalesce(p.gig_capacity_pct, 20.0) > 0
                  THEN 1 ELSE 0 END) AS offering_engaged
}
WITH people, weekly_capacity, offering, committed_hours, offering_engaged,
     duration.inSeconds($start, $end).seconds / 604800.0 AS period_weeks
RETURN people, weekly_capacity * period_weeks AS capacity_hours, committed_hours,
       offering - offering_engaged AS bench
