// Open gigs for a person, best first: the score of match_candidates.cypher seen from the person's
// side (same weights, same ways to meet a requirement, same reasons), over the gigs the person
// is eligible for. A gig that asks for a skill the person aspires to (private aspirations
// included) is a growth gig.
// Starts from the person's skills, the skills one hop away (BROADER up or down, RELATED_TO either
// way) and the person's aspirations, to the open gigs that require them; then scores each gig:
//   score, share, strength, evidence, exposure: as in match_candidates.cypher; aspirations count
//   when their visibility is in $aspiration_visibilities (the person's own view passes
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
// :param related_limit => 5
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
CALL (p) {
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  RETURN collect({skill: s, skill_map: s {.id, .label, .type, .custom, .deprecated},
                  proficiency: h.proficiency, evidenced: coalesce(h.validated, false)}) AS held
}
CALL (p) {
  OPTIONAL MATCH (p)-[a:ASPIRES_TO]->(s:Skill)
  RETURN collect(CASE WHEN a.visibility IN $aspiration_visibilities
                   THEN {skill: s, interest: a.interest} END) AS wishes,
         collect(s) AS aspired
}
WITH p, recent, held, wishes, aspired,
     coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
       AS remaining_hours,
     1.0 / (1.0 + $exposure_damping * recent) AS exposure
CALL (p) {
  MATCH (p)-[:HAS_SKILL]->(:Skill)<-[:REQUIRES]-(g:Gig {status: 'open'})
  RETURN g
  UNION
  MATCH (p)-[:HAS_SKILL]->(:Skill)-[:BROADER|RELATED_TO {adjacent: true}]-(:Skill)<-[:REQUIRES]-(g:Gig {status: 'open'})
  RETURN g
  UNION
  MATCH (p)-[a:ASPIRES_TO]->(:Skill)<-[:REQUIRES]-(g:Gig {status: 'open'})
  WHERE a.visibility IN $aspiration_visibilities
  RETURN g
}
WITH p, recent, held, wishes, aspired, remaining_hours, exposure, g
WHERE NOT EXISTS { (g)-[:OWNED_BY]->(p) }
  AND NOT EXISTS { (p)-[:ENGAGED_IN]->(:Engagement {status: 'active'})-[:ON]->(g) }
  AND ($include_own_department
       OR NOT EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)<-[:PART_OF]-{0,10}(:Department)<-[:MEMBER_OF]-(p) })
  AND (NOT $available_only OR remaining_hours >= coalesce(g.hours_per_week, 0.0))
MATCH (g)-[req:REQUIRES]->(rs:Skill)
WITH p, recent, held, wishes, aspired, remaining_hours, exposure, g, rs, req,
     CASE req.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END AS rank
ORDER BY rank, rs.id
// The ways to meet each requirement, as in match_candidates.cypher.
CALL (rs) {
  CALL (rs) {
    MATCH (rs)-[:BROADER {adjacent: true}]-(via:Skill)
    RETURN via, 1.0 AS link
    UNION
    MATCH (rs)-[rel:RELATED_TO]-(via:Skill)
    WITH via, rel.weight AS link
    ORDER BY link DESC, via.id
    LIMIT $related_limit
    RETURN via, link
  }
  WITH rs, via, max(link) AS link
  WHERE via <> rs
  RETURN collect({skill: via, how: 'ADJACENT', link: $adjacent_weight * link}) AS adjacent
}
WITH p, recent, held, wishes, aspired, remaining_hours, exposure, g,
     collect({skill: rs, skill_id: rs.id,
              skill_map: rs {.id, .label, .type, .custom, .deprecated},
              min_level: req.min_proficiency, importance: req.importance,
              ways: [{skill: rs, how: 'DIRECT', link: 1.0}] + adjacent,
              weight: CASE rank
                        WHEN 0 THEN 1.0
                        WHEN 1 THEN toFloat($nice_to_have_weight)
                        ELSE toFloat($learnable_weight) END}) AS reqs
WITH p, recent, held, wishes, aspired, remaining_hours, exposure, g, reqs,
     reduce(total = 0.0, r IN reqs | total + r.weight) AS total_weight
UNWIND reqs AS r
WITH p, recent, remaining_hours, exposure, g, reqs, total_weight, aspired, r,
     [x IN held WHERE x.skill = r.skill | x.proficiency][0] AS direct,
     [x IN held WHERE any(w IN r.ways WHERE w.skill = x.skill)
        | {how: [w IN r.ways WHERE w.skill = x.skill][0].how, via_id: x.skill.id,
           via: x.skill_map, proficiency: x.proficiency, evidenced: x.evidenced,
           strength: [w IN r.ways WHERE w.skill = x.skill][0].link
                     * CASE WHEN x.evidenced THEN 1.0 ELSE $claimed_weight END
                     * CASE WHEN x.proficiency >= r.min_level THEN 1.0
                            ELSE toFloat(x.proficiency) / r.min_level END}]
     + [x IN wishes WHERE x.skill = r.skill AND r.importance <> 'required'
        | {how: 'ASPIRATION', via_id: r.skill_id, via: r.skill_map, proficiency: 0,
           evidenced: false,
           strength: $aspiration_weight * x.interest / 3.0}] AS ways
WITH p, recent, remaining_hours, exposure, g, reqs, total_weight, aspired, r,
     coalesce(direct, 0) AS held,
     reduce(best = null, way IN ways |
       CASE WHEN best IS NULL OR way.strength > best.strength
                 OR (way.strength = best.strength
                     AND (way.how > best.how OR (way.how = best.how AND way.via_id < best.via_id)))
            THEN way ELSE best END) AS best
WITH p, recent, remaining_hours, exposure, g, reqs, aspired,
     collect(CASE WHEN best IS NOT NULL THEN
       {skill: r.skill_map, skill_id: r.skill_id, importance: r.importance,
        min_level: r.min_level, how: best.how, via_id: best.via_id, via: best.via,
        proficiency: best.proficiency, evidenced: best.evidenced, strength: best.strength,
        share: r.weight / total_weight,
        contribution: r.weight / total_weight * best.strength * exposure,
        met: best.how <> 'ASPIRATION' AND best.proficiency >= r.min_level} END) AS reasons,
     collect(CASE WHEN best IS NULL OR best.how = 'ASPIRATION' OR best.proficiency < r.min_level
       THEN {skill: r.skill_map, skill_id: r.skill_id, importance: r.importance,
             min_level: r.min_level, held: held, missing: r.min_level - held} END) AS gaps
WHERE size(reasons) > 0
WITH p, recent, remaining_hours, exposure, g, reasons, gaps,
     [r IN reqs WHERE r.skill IN aspired | r.skill_id] AS growth_skill_ids,
     [r IN reqs WHERE r.importance = 'required'] AS required, reqs
WITH p, recent, remaining_hours, exposure, g, reasons, gaps, growth_skill_ids,
     round(reduce(total = 0.0, x IN reasons | total + x.contribution), 9) AS score,
     CASE WHEN size(required) = 0 THEN reqs ELSE required END AS counted
RETURN g {.*} AS gig,
       score,
       toFloat(size([r IN counted WHERE any(x IN reasons WHERE x.skill_id = r.skill_id AND x.met)]))
         / size(counted) AS coverage,
       reasons,
       gaps,
       size(growth_skill_ids) > 0 AS growth,
       growth_skill_ids,
       exposure,
       recent AS recent_engagements,
       remaining_hours
ORDER BY score DESC, gig.id
LIMIT $first
