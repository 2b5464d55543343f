// People who hold a skill or one within $max_hops of it in the taxonomy (BROADER up or down,
// RELATED_TO either way), nearest and most proficient first, each with the path of skills that
// links them to it. The question HR asks most.
//   score = $hop_decay ^ hops × proficiency / 5 × evidence
//   evidence = 1 when validated (manager, gig feedback), $claimed_weight when only claimed
// Each person appears once, through the skill that gives the best score (its shortest path).
// Filters (null = any): $department_id (the department or any department below it),
// $location (exact), $available_only (remaining gig capacity > 0). Active people only.
// $max_hops is 0 to 3.
// Speed: capacity is read for the $pool best scores only; `truncated` says people were left
// outside the pool, so when $available_only returns fewer than $first with `truncated`, raise
// $pool (the API does so until it is exact). The API also asks hop by hop (max_hops 0, 1, ...)
// and stops once $first people all score above $hop_decay ^ (hops + 1), the best anyone further
// away could score: the same answer as one run with the full $max_hops.
// :param skill_id => 'python'
// :param max_hops => 2
// :param first => 20
// :param pool => 200
// :param department_id => null
// :param location => null
// :param available_only => false
// :param hop_decay => 0.5
// :param claimed_weight => 0.7
MATCH (s:Skill {id: $skill_id})
// A path bound must be a literal: one branch per $max_hops, so no search goes further than asked.
CALL (s) {
  MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,1}(near:Skill)
  WHERE $max_hops <= 1 AND length(path) <= $max_hops
  RETURN near, path
  UNION
  MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,2}(near:Skill)
  WHERE $max_hops = 2
  RETURN near, path
  UNION
  MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,3}(near:Skill)
  WHERE $max_hops = 3
  RETURN near, path
}
WITH s, near, length(path) AS hops
MATCH (p:Person)-[h:HAS_SKILL]->(near)
WHERE p.active
  AND ($location IS NULL OR p.location = $location)
  AND ($department_id IS NULL
       OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF]->{0,10}(:Department {id: $department_id}) })
WITH s, p,
     max($hop_decay ^ hops * h.proficiency / 5.0
         * CASE WHEN h.validated THEN 1.0 ELSE $claimed_weight END) AS score
ORDER BY score DESC
LIMIT $pool + 1
WITH s, collect({p: p, score: score}) AS ranked
// Capacity for the pool only.
CALL (ranked) {
  UNWIND ranked[..$pool] AS candidate
  WITH candidate.p AS p, candidate.score AS score
  CALL (p) {
    OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement {status: 'active'})
    RETURN sum(coalesce(e.hours_per_week, 0.0)) AS committed
  }
  WITH p, score, p.id AS person_id,
       coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
         AS remaining_hours
  WHERE NOT $available_only OR remaining_hours > 0
  ORDER BY score DESC, person_id
  LIMIT $first
  RETURN collect({p: p, score: score, person_id: person_id, remaining_hours: remaining_hours})
         AS chosen
}
// The paths, for the chosen few: the same search again, kept this time.
CALL (s) {
  CALL (s) {
    MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,1}(near:Skill)
    WHERE $max_hops <= 1 AND length(path) <= $max_hops
    RETURN near, path
    UNION
    MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,2}(near:Skill)
    WHERE $max_hops = 2
    RETURN near, path
    UNION
    MATCH path = ANY SHORTEST (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,3}(near:Skill)
    WHERE $max_hops = 3
    RETURN near, path
  }
  RETURN collect({near: near, hops: length(path), path: [n IN nodes(path) | n.id]}) AS nears
}
UNWIND chosen AS c
WITH nears, size(ranked) > $pool AS truncated, c.p AS p, c.score AS score,
     c.person_id AS person_id, c.remaining_hours AS remaining_hours
// The skill and path behind each chosen person's score.
CALL (p, nears) {
  MATCH (p)-[h:HAS_SKILL]->(held:Skill)
  UNWIND [n IN nears WHERE n.near = held] AS n
  WITH held, h, n,
       $hop_decay ^ n.hops * h.proficiency / 5.0
         * CASE WHEN h.validated THEN 1.0 ELSE $claimed_weight END AS way_score
  ORDER BY way_score DESC, n.hops, held.id
  LIMIT 1
  RETURN held.id AS skill_id, h.proficiency AS proficiency,
         coalesce(h.validated, false) AS evidenced, n.hops AS hops, n.path AS path_ids
}
RETURN p {.*} AS person, score, hops, skill_id, proficiency, evidenced, path_ids,
       remaining_hours, truncated
ORDER BY score DESC, person_id
