// People on the bench by skill: active members of the department and its sub-departments who
// offer gig capacity but had no engagement overlapping [start, end), counted per skill they hold
// (most available skills first). Where idle talent could be put to work.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
// :param limit => 10
MATCH (d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
MATCH (p:Person)-[:MEMBER_OF]->(d)
WHERE coalesce(p.active, true)
  AND coalesce(p.weekly_hours, 40.0) * coalesce(p.gig_capacity_pct, 20.0) > 0
  AND NOT EXISTS {
    MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
    WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
      AND (e.completed_at IS NULL OR e.completed_at >= $start)
  }
MATCH (p)-[:HAS_SKILL]->(s:Skill)
RETURN s.id AS skill_id, s.label AS skill_label, count(p) AS bench_people
ORDER BY bench_people DESC, skill_label
LIMIT $limit
