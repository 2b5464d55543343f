// People who hold a skill or one within $max_hops of it in the taxonomy (BROADER up or down,
// RELATED_TO either way), nearest and most proficient first, each with the path of skills that
// links them to it. The question HR asks most.
//   score = $hop_decay ^ hops × proficiency / 5 × evidence
//   evidence = 1 when validated (manager, gig feedback), $claimed_weight when only claimed
// Each person appears once, through the skill that gives the best score (shortest path to it).
// Filters (null = any): $department_id (the department or any department below it),
// $location (exact), $available_only (remaining gig capacity > 0). Active people only.
// $max_hops is at most 3 (the pattern's bound).
// :param skill_id => 'python'
// :param max_hops => 2
// :param first => 20
// :param department_id => null
// :param location => null
// :param available_only => false
// :param hop_decay => 0.5
// :param claimed_weight => 0.7
MATCH (s:Skill {id: $skill_id})
MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO]-{0,3}(near:Skill)
WHERE length(path) <= $max_hops
MATCH (p:Person)-[h:HAS_SKILL]->(near)
WHERE p.active
  AND ($location IS NULL OR p.location = $location)
  AND ($department_id IS NULL
       OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF]->{0,10}(:Department {id: $department_id}) })
WITH p, h, near, path, length(path) AS hops,
     $hop_decay ^ length(path) * h.proficiency / 5.0
       * CASE WHEN coalesce(h.validated, false) THEN 1.0 ELSE $claimed_weight END AS score
ORDER BY score DESC, hops, near.id
WITH p, collect({score: score, hops: hops, skill_id: near.id, skill_label: near.label,
                 proficiency: h.proficiency, evidenced: coalesce(h.validated, false),
                 path: [n IN nodes(path) | n {.id, .label}]})[0] AS best
CALL (p) {
  OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement {status: 'active'})
  RETURN sum(coalesce(e.hours_per_week, 0.0)) AS committed
}
WITH p, best,
     coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
       AS remaining_hours
WHERE NOT $available_only OR remaining_hours > 0
RETURN p {.*} AS person, best.score AS score, best.hops AS hops, best.skill_id AS skill_id,
       best.skill_label AS skill_label, best.proficiency AS proficiency,
       best.evidenced AS evidenced, best.path AS path, remaining_hours
ORDER BY score DESC, person.id
LIMIT $first
