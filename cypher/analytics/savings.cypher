// Savings against external hiring: hours worked on engagements completed in [start, end) times
// the gig's external hourly rate, per month (of completion) and per department (the gig's, whose
// budget would have paid a contractor), for the department and its sub-departments.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
MATCH (d)<-[:FOR_DEPARTMENT]-(g:Gig)<-[:ON]-(e:Engagement {status: 'completed'})
WHERE e.completed_at >= $start AND e.completed_at < $end
WITH d, date.truncate('month', e.completed_at) AS month,
     coalesce(e.hours_worked, 0.0) AS hours, coalesce(g.external_hourly_rate, 0.0) AS rate
RETURN toString(month) AS month, d.id AS department_id, d.name AS department_name,
       count(*) AS engagements, sum(hours) AS hours_worked, sum(hours * rate) AS savings
ORDER BY month, department_id
