// Open gigs for a person, best first: the score of match_candidates.cypher seen from the person's
// side (same weights, same reasons), over the gigs the person is eligible for. A gig that asks
// for a skill the person aspires to (private aspirations included) is a growth gig.
// Starts from the person's skills (and the skills one hop away: BROADER up or down, RELATED_TO
// either way) and aspirations to the open gigs that require them, then scores each gig.
//   score, share, strength, evidence, exposure: as in match_candidates.cypher; aspirations
//   count when their visibility is in $aspiration_visibilities (the person's own view passes
//   ['matching', 'private']).
// Eligible: the person is active, does not own the gig, is not already on it, is outside the
// gig's department unless $include_own_department, and (when $available_only) has remaining
// capacity ≥ the gig's hours.
// :param person_id => 'P2'
// :param first => 20
// :param include_own_department => false
// :param available_only => true
// :param aspiration_visibilities => ['matching', 'private']
// :param adjacent_weight => 0.6
// :param aspiration_weight => 0.3
// :param claimed_weight => 0.7
// :param nice_to_have_weight => 0.5
// :param learnable_weight => 0.5
// :param exposure_damping => 0.25
// :param exposure_months => 6
MATCH (p:Person {id: $person_id})
WHERE p.active
CALL (p) {
  OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
  RETURN sum(CASE WHEN e.status = 'active' THEN e.hours_per_week ELSE 0.0 END) AS committed,
         count(CASE WHEN e.status = 'active'
                      OR (e.status = 'completed'
                          AND e.completed_at >= datetime() - duration({months: $exposure_months}))
                    THEN 1 END) AS recent
}
WITH p, recent,
     coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
       AS remaining_hours,
     1.0 / (1.0 + $exposure_damping * recent) AS exposure
CALL (p) {
  MATCH (p)-[:HAS_SKILL]->(:Skill)<-[:REQUIRES]-(g:Gig {status: 'open'})
  RETURN g
  UNION
  MATCH (p)-[:HAS_SKILL]->(:Skill)-[:BROADER|RELATED_TO]-(:Skill)<-[:REQUIRES]-(g:Gig {status: 'open'})
  RETURN g
  UNION
  MATCH (p)-[a:ASPIRES_TO]->(:Skill)<-[:REQUIRES]-(g:Gig {status: 'open'})
  WHERE a.visibility IN $aspiration_visibilities
  RETURN g
}
WITH p, recent, remaining_hours, exposure, g
WHERE NOT EXISTS { (g)-[:OWNED_BY]->(p) }
  AND NOT EXISTS { (p)-[:ENGAGED_IN]->(:Engagement {status: 'active'})-[:ON]->(g) }
  AND ($include_own_department OR NOT EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)<-[:MEMBER_OF]-(p) })
  AND (NOT $available_only OR remaining_hours >= coalesce(g.hours_per_week, 0.0))
MATCH (g)-[req:REQUIRES]->(rs:Skill)
WITH *, CASE req.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END AS rank
ORDER BY rank, rs.id
WITH p, recent, remaining_hours, exposure, g,
     collect({skill: rs, skill_id: rs.id, skill_map: rs {.*},
              min_level: req.min_proficiency, importance: req.importance,
              rank: rank, weight: CASE req.importance
                        WHEN 'required' THEN 1.0
                        WHEN 'nice_to_have' THEN toFloat($nice_to_have_weight)
                        ELSE toFloat($learnable_weight) END}) AS reqs
WITH p, recent, remaining_hours, exposure, g, reqs,
     reduce(total = 0.0, r IN reqs | total + r.weight) AS total_weight
UNWIND reqs AS r
WITH p, recent, remaining_hours, exposure, g, reqs, total_weight, r, r.skill AS rs,
     r.importance AS importance
CALL (p, rs, importance) {
  MATCH (p)-[h:HAS_SKILL]->(rs)
  RETURN 'DIRECT' AS how, rs AS via, h.proficiency AS proficiency,
         coalesce(h.validated, false) AS evidenced, 1.0 AS link, 0 AS interest
  UNION ALL
  MATCH (rs)-[:BROADER]-(via:Skill)<-[h:HAS_SKILL]-(p)
  RETURN 'ADJACENT' AS how, via, h.proficiency AS proficiency,
         coalesce(h.validated, false) AS evidenced, toFloat($adjacent_weight) AS link, 0 AS interest
  UNION ALL
  MATCH (rs)-[rel:RELATED_TO]-(via:Skill)<-[h:HAS_SKILL]-(p)
  RETURN 'ADJACENT' AS how, via, h.proficiency AS proficiency,
         coalesce(h.validated, false) AS evidenced, $adjacent_weight * rel.weight AS link,
         0 AS interest
  UNION ALL
  MATCH (p)-[a:ASPIRES_TO]->(rs)
  WHERE importance <> 'required' AND a.visibility IN $aspiration_visibilities
  RETURN 'ASPIRATION' AS how, rs AS via, 0 AS proficiency, false AS evidenced, 0.0 AS link,
         a.interest AS interest
}
WITH p, recent, remaining_hours, exposure, g, reqs, total_weight, r, how, via, proficiency,
     evidenced,
     CASE how
       WHEN 'ASPIRATION' THEN $aspiration_weight * interest / 3.0
       ELSE link * CASE WHEN evidenced THEN 1.0 ELSE $claimed_weight END
                 * CASE WHEN proficiency >= r.min_level THEN 1.0
                        ELSE toFloat(proficiency) / r.min_level END
     END AS strength
WHERE strength > 0
ORDER BY strength DESC, how DESC, via.id
WITH p, recent, remaining_hours, exposure, g, reqs, total_weight, r,
     collect({how: how, via_id: via.id, proficiency: proficiency,
              evidenced: evidenced, strength: strength})[0] AS best,
     max(CASE WHEN how = 'DIRECT' THEN proficiency END) AS held
ORDER BY r.rank, r.skill_id
WITH p, recent, remaining_hours, exposure, g, reqs, total_weight,
     collect({skill: r.skill_map, skill_id: r.skill_id, importance: r.importance,
              min_level: r.min_level, weight: r.weight, best: best, held: coalesce(held, 0),
              met: best.how <> 'ASPIRATION' AND best.proficiency >= r.min_level}) AS ways
WITH p, recent, remaining_hours, exposure, g, reqs, ways,
     [w IN ways | w {.skill, .skill_id, .importance, .min_level, .met,
                     how: w.best.how, via_id: w.best.via_id,
                     proficiency: w.best.proficiency, evidenced: w.best.evidenced,
                     strength: w.best.strength, share: w.weight / total_weight,
                     contribution: w.weight / total_weight * w.best.strength * exposure}] AS reasons,
     [r IN reqs WHERE r.importance = 'required'] AS required,
     [(p)-[a:ASPIRES_TO]->(s:Skill)<-[:REQUIRES]-(g) | s.id] AS growth_skill_ids
WITH p, recent, remaining_hours, exposure, g, reasons, growth_skill_ids,
     round(reduce(total = 0.0, x IN reasons | total + x.contribution), 9) AS score,
     CASE WHEN size(required) = 0 THEN reqs ELSE required END AS counted,
     [r IN reqs WHERE none(w IN ways WHERE w.skill_id = r.skill_id AND w.met)
        | {skill: r.skill_map, skill_id: r.skill_id, importance: r.importance,
           min_level: r.min_level,
           held: coalesce(head([w IN ways WHERE w.skill_id = r.skill_id | w.held]), 0)}] AS gaps
RETURN g {.*} AS gig,
       score,
       toFloat(size([r IN counted WHERE any(x IN reasons WHERE x.skill_id = r.skill_id AND x.met)]))
         / size(counted) AS coverage,
       reasons,
       [gap IN gaps | gap {.*, missing: gap.min_level - gap.held}] AS gaps,
       size(growth_skill_ids) > 0 AS growth,
       growth_skill_ids,
       exposure,
       recent AS recent_engagements,
       remaining_hours
ORDER BY score DESC, gig.id
LIMIT $first
