// Savings against external hiring: hours worked on engagements completed in [start, end) times
// the gig's external hourly rate, per month (of completion) and per department (the gig's, whose
// budget would have paid a contractor), for the department and its sub-departments. One row,
// the months and departments in a list (`rows`): thousands of rows cost the driver far more than
// one list of them.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
MATCH (d)<-[:FOR_DEPARTMENT]-(g:Gig)<-[:ON]-(e:Engagement {status: 'completed'})
WHERE e.completed_at >= $start AND e.completed_at < $end
WITH d, date.truncate('month', e.completed_at) AS month,
     coalesce(e.hours_worked, 0.0) AS hours, coalesce(g.external_hourly_rate, 0.0) AS rate
WITH month, d, count(*) AS engagements, sum(hours) AS hours_worked, sum(hours * rate) AS savings
ORDER BY month, d.id
RETURN collect({month: toString(month), department_id: d.id, department_name: d.name,
                engagements: engagements, hours_worked: hours_worked, savings: savings}) AS rows
