// People on the bench by skill: active members of the department and its sub-departments who
// offer gig capacity but had no engagement overlapping [start, end), counted per skill they hold
// (most available skills first). Where idle talent could be put to work.
// Counted as the skill's holders in the scope minus its holders who are not on the bench
// (inactive, offering no capacity, or engaged), which reads far fewer relationships than
// expanding the bench itself; for the whole organisation the holders are the skill's degree.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
// :param limit => 10
CALL () {
  MATCH (s:Skill)
  WHERE $department_id IS NULL
  RETURN s, COUNT { (s)<-[:HAS_SKILL]-() } AS people
  UNION ALL
  MATCH (:Department {id: $department_id})<-[:PART_OF*0..]-(:Department)<-[:MEMBER_OF]-(:Person)
        -[:HAS_SKILL]->(s:Skill)
  RETURN s, count(*) AS people
  UNION ALL
  MATCH (d:Department)
  WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
  MATCH (d)<-[:MEMBER_OF]-(p:Person)
  WHERE NOT coalesce(p.active, true)
     OR coalesce(p.weekly_hours, 40.0) * coalesce(p.gig_capacity_pct, 20.0) <= 0
     OR EXISTS {
       MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
       WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
         AND (e.completed_at IS NULL OR e.completed_at >= $start)
     }
  MATCH (p)-[:HAS_SKILL]->(s:Skill)
  RETURN s, -count(*) AS people
}
WITH s, sum(people) AS bench_people
WHERE bench_people > 0
RETURN s.id AS skill_id, s.label AS skill_label, bench_people
ORDER BY bench_people DESC, skill_label
LIMIT $limit
