// Skill growth: skills demonstrated on engagements completed in [start, end) by members of the
// department and its sub-departments (DEMONSTRATED {level, previous_level, was_aspiration}).
// new_skills: shown with no prior proficiency; proficiency_gained: levels climbed;
// aspirations_realised: skills the person aspired to and has now shown. One row for the total
// and one per month of completion: `dimension` says which.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
MATCH (d)<-[:MEMBER_OF]-(p:Person)-[:ENGAGED_IN]->(e:Engagement)-[x:DEMONSTRATED]->(:Skill)
WHERE e.completed_at >= $start AND e.completed_at < $end
WITH p, x, toString(date.truncate('month', e.completed_at)) AS month,
     coalesce(x.level, 0) - coalesce(x.previous_level, 0) AS gain
UNWIND [['total', null], ['month', month]] AS grouping
RETURN grouping[0] AS dimension, grouping[1] AS key,
       count(x) AS demonstrations,
       sum(CASE WHEN coalesce(x.previous_level, 0) = 0 THEN 1 ELSE 0 END) AS new_skills,
       sum(CASE WHEN gain > 0 THEN gain ELSE 0 END) AS proficiency_gained,
       sum(CASE WHEN x.was_aspiration THEN 1 ELSE 0 END) AS aspirations_realised,
       count(DISTINCT CASE WHEN gain > 0 THEN p END) AS people_grown
ORDER BY dimension, key
