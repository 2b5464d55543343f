// Internal mobility: of the active members of the department and its sub-departments, how many
// had an engagement in [start, end) (not cancelled) and how many of those worked on a gig of
// another department than their own.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
CALL () {
  MATCH (d:Department)
  WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
  MATCH (d)<-[:MEMBER_OF]-(p:Person)
  WHERE coalesce(p.active, true)
  RETURN count(p) AS people
}
CALL () {
  MATCH (pd:Department)<-[:MEMBER_OF]-(p:Person)-[:ENGAGED_IN]->(e:Engagement)
        -[:ON]->(:Gig)-[:FOR_DEPARTMENT]->(gd:Department)
  WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
    AND (e.completed_at IS NULL OR e.completed_at >= $start)
    AND coalesce(p.active, true)
    AND ($department_id IS NULL
         OR EXISTS { (pd)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  WITH p, sum(CASE WHEN gd <> pd THEN 1 ELSE 0 END) AS elsewhere
  RETURN count(p) AS engaged_people, sum(CASE WHEN elsewhere > 0 THEN 1 ELSE 0 END) AS mobile_people
}
RETURN people, engaged_people, mobile_people
