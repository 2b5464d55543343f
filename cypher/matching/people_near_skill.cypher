// People who hold a skill or one within $max_hops of it in the taxonomy (the BROADER steps that
// count, `adjacent`, up or down; RELATED_TO either way), each with the path of skills that links
// them to it (`path`: each skill's id, label, type and flags, so that no further query is needed
// to show it; `path_ids` its ids). The question HR asks most. A skill group is answered by its member skills (every
// skill below it): their holders are its direct holders.
//   score = $hop_decay ^ hops × proficiency / 5 × evidence
//   evidence = 1 when validated (manager, gig feedback), $claimed_weight when only claimed
// Order: with $direct_first (the default), fewer hops first, then score (a direct holder always
// comes before someone only near); without, by score alone. Each person appears once, through
// the skill that ranks them best.
// Filters (null = any): $department_id (the department or any department below it),
// $location (exact), $available_only (remaining gig capacity > 0). Active people only.
// $max_hops is 0 to 3.
// Speed: capacity is read for the $pool best only; `truncated` says people were left outside the
// pool, so when $available_only returns fewer than $first with `truncated`, raise $pool (the API
// does so until it is exact). The API also asks hop by hop (max_hops 0, 1, ...) and stops once
// nobody further away could rank among the first $first: the same answer as one run with the
// full $max_hops.
// :param skill_id => 'ccd0a1d9-afda-43d9-b901-96344886e14d'
// :param max_hops => 2
// :param first => 20
// :param pool => 200
// :param direct_first => true
// :param department_id => null
// :param location => null
// :param available_only => false
// :param hop_decay => 0.5
// :param claimed_weight => 0.7
MATCH (asked:Skill {id: $skill_id})
CALL (asked) {
  WITH asked WHERE NOT coalesce(asked.is_group, false)
  RETURN asked AS start
  UNION
  MATCH (start:Skill)-[:BROADER]->{1,4}(asked)
  WHERE asked.is_group AND NOT coalesce(start.is_group, false)
  RETURN DISTINCT start
}
// A path bound must be a literal: one branch per $max_hops, so no search goes further than asked.
CALL (start) {
  MATCH path = ANY SHORTEST (start)-[:BROADER|RELATED_TO {adjacent: true}]-{0,1}(near:Skill)
  WHERE $max_hops <= 1 AND length(path) <= $max_hops
  RETURN near, path
  UNION
  MATCH path = ANY SHORTEST (start)-[:BROADER|RELATED_TO {adjacent: true}]-{0,2}(near:Skill)
  WHERE $max_hops = 2
  RETURN near, path
  UNION
  MATCH path = ANY SHORTEST (start)-[:BROADER|RELATED_TO {adjacent: true}]-{0,3}(near:Skill)
  WHERE $max_hops = 3
  RETURN near, path
}
WITH asked, near, path
ORDER BY length(path)
WITH asked, near, min(length(path)) AS hops,
     head(collect([n IN nodes(path) | n {.id, .label, .type, .custom, .deprecated}])) AS steps
WITH asked,
     collect({near: near, hops: hops,
              path: CASE WHEN asked.is_group
                         THEN [asked {.id, .label, .type, .custom, .deprecated}] + steps
                         ELSE steps END})
       AS nears
CALL (nears) {
  UNWIND nears AS n
  WITH n.near AS near, n.hops AS hops
  MATCH (p:Person)-[h:HAS_SKILL]->(near)
  WHERE p.active
    AND ($location IS NULL OR p.location = $location)
    AND ($department_id IS NULL
         OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF]->{0,10}(:Department {id: $department_id}) })
  WITH p, hops, $hop_decay ^ hops * h.proficiency / 5.0
                 * CASE WHEN h.validated THEN 1.0 ELSE $claimed_weight END AS score
  WITH p, max(CASE WHEN $direct_first THEN score - 10.0 * hops ELSE score END) AS rank
  ORDER BY rank DESC
  LIMIT $pool + 1
  RETURN collect({p: p, rank: rank}) AS ranked
}
// Capacity for the pool only.
CALL (ranked) {
  UNWIND ranked[..$pool] AS candidate
  WITH candidate.p AS p, candidate.rank AS rank
  CALL (p) {
    OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement {status: 'active'})
    RETURN sum(coalesce(e.hours_per_week, 0.0)) AS committed
  }
  WITH p, rank, p.id AS person_id,
       coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
         AS remaining_hours
  WHERE NOT $available_only OR remaining_hours > 0
  ORDER BY rank DESC, person_id
  LIMIT $first
  RETURN collect({p: p, rank: rank, person_id: person_id, remaining_hours: remaining_hours})
         AS chosen
}
UNWIND chosen AS c
WITH nears, size(ranked) > $pool AS truncated, c.p AS p, c.rank AS rank,
     c.person_id AS person_id, c.remaining_hours AS remaining_hours
// The skill and path behind each chosen person's rank.
CALL (p, nears) {
  MATCH (p)-[h:HAS_SKILL]->(held:Skill)
  UNWIND [n IN nears WHERE n.near = held] AS n
  WITH held, h, n,
       $hop_decay ^ n.hops * h.proficiency / 5.0
         * CASE WHEN h.validated THEN 1.0 ELSE $claimed_weight END AS way_score
  WITH held, h, n, way_score,
       CASE WHEN $direct_first THEN way_score - 10.0 * n.hops ELSE way_score END AS way_rank
  ORDER BY way_rank DESC, n.hops, held.id
  LIMIT 1
  RETURN held.id AS skill_id, h.proficiency AS proficiency, way_score AS score,
         coalesce(h.validated, false) AS evidenced, n.hops AS hops, n.path AS path
}
RETURN p {.*} AS person, score, hops, skill_id, proficiency, evidenced,
       [step IN path | step.id] AS path_ids, path,
       remaining_hours, truncated
ORDER BY rank DESC, person_id
