// Candidates for a gig, best first, each with the reasons behind the score (README "Matching").
// Starts from the gig's required skills and walks out one hop (the BROADER steps that count,
// `adjacent`, up or down; RELATED_TO either way) to the people who hold them, so only people near
// the gig are ever read.
//   score        = Σ over requirements r of share(r) × strength(p, r) × exposure(p)
//   share(r)     = importance weight of r / Σ importance weights of the gig's requirements
//                  (required 1, nice_to_have $nice_to_have_weight, learnable $learnable_weight)
//   strength     = the best way p meets r:
//     DIRECT     evidence × level            (level = min(1, proficiency / min_proficiency))
//     ADJACENT   evidence × level × $adjacent_weight × link (link 1 through BROADER, else the
//                RELATED_TO weight), through any adjacent BROADER neighbour and the $related_limit
//                strongest RELATED_TO neighbours (a bounded expansion: generic skills relate
//                to hundreds of others)
//     ASPIRATION $aspiration_weight × interest / 3, for nice_to_have and learnable only, and only
//                aspirations whose visibility is in $aspiration_visibilities
//   evidence     = 1 when validated (manager, gig feedback), $claimed_weight when only claimed
//   exposure     = 1 / (1 + $exposure_damping × engagements active or completed in the last
//                  $exposure_months months)
// Eligible: active, not the owner, not already on the gig, outside the gig's department (and every
// department below it) unless
// $include_own_department, and (when $available_only) remaining capacity ≥ the gig's hours:
// weekly_hours × gig_capacity_pct / 100 − Σ hours_per_week of active engagements.
// Scores are rounded to 9 decimals, so that equal scores tie exactly; ties go to the higher levels
// held (`depth`: Σ share weight × the best level a person holds for each requirement), then by id.
// Speed: every reachable person gets a potential (the score before exposure, numbers only);
// only the $pool best potentials are checked for eligibility and exposure, and only the $first
// best get their reasons. Exposure and eligibility can only lower a score, so the answer is
// exact when `floor` (the best potential left outside the pool, 0 if none) is below the last
// score returned, or fewer than $first came back with floor = 0; otherwise raise $pool (the API
// does so until it is exact, or until gig_hours_reachable.cypher shows that nobody has the hours).
// The potentials are the max per (person, requirement) inside each requirement's subquery, then
// one sum per person: two small aggregations instead of one over every (person, requirement).
// Each person comes with their department and each reason with the skill it goes through (`via`),
// so that the candidates screen needs no further query.
// :param gig_id => 'G-M01'
// :param first => 20
// :param pool => 200
// :param include_own_department => false
// :param available_only => true
// :param aspiration_visibilities => ['matching']
// :param adjacent_weight => 0.6
// :param related_limit => 5
// :param aspiration_weight => 0.3
// :param claimed_weight => 0.7
// :param nice_to_have_weight => 0.5
// :param learnable_weight => 0.5
// :param exposure_damping => 0.25
// :param exposure_months => 6
MATCH (g:Gig {id: $gig_id})
// Nobody whose weekly gig capacity reaches the gig's hours: no candidate, and nothing to read
// (a seek on the capacity index; gig_hours_reachable.cypher then proves the answer empty).
WHERE NOT $available_only
   OR EXISTS { MATCH (p:Person) WHERE p.gig_capacity_hours >= coalesce(g.hours_per_week, 0.0) }
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (g)-[:FOR_DEPARTMENT]->(home:Department)
MATCH (g)-[req:REQUIRES]->(rs:Skill)
WITH g, owner, home, rs, req,
     CASE req.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END AS rank
ORDER BY rank, rs.id
// The ways to meet each requirement: the skill itself, or one hop away at a discount.
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
WITH g, owner, home,
     collect({skill: rs, skill_id: rs.id, skill_map: rs {.*},
              min_level: req.min_proficiency, importance: req.importance,
              ways: [{skill: rs, how: 'DIRECT', link: 1.0}] + adjacent,
              weight: CASE rank
                        WHEN 0 THEN 1.0
                        WHEN 1 THEN toFloat($nice_to_have_weight)
                        ELSE toFloat($learnable_weight) END}) AS reqs
WITH g, owner, home, reqs, reduce(total = 0.0, r IN reqs | total + r.weight) AS total_weight
// Every person one hop from a requirement, with the potential: the score before exposure.
CALL (reqs, total_weight) {
  UNWIND reqs AS r
  CALL (r) {
    CALL (r) {
      UNWIND r.ways AS way
      WITH r, way, way.skill AS via
      MATCH (p)-[h:HAS_SKILL]->(via)
      RETURN p, way.link * CASE WHEN h.validated THEN 1.0 ELSE $claimed_weight END
                * CASE WHEN h.proficiency >= r.min_level THEN 1.0
                       ELSE toFloat(h.proficiency) / r.min_level END AS strength,
             h.proficiency AS level
      UNION ALL
      WITH r, r.skill AS rs
      MATCH (p:Person)-[a:ASPIRES_TO]->(rs)
      WHERE r.importance <> 'required' AND a.visibility IN $aspiration_visibilities
      RETURN p, $aspiration_weight * a.interest / 3.0 AS strength, 0 AS level
    }
    RETURN p, max(strength) AS best, max(level) AS level
  }
  WITH p, sum(r.weight * best) AS weighted, sum(r.weight * level) AS depth
  WHERE weighted > 0
  ORDER BY weighted DESC, depth DESC
  LIMIT $pool + 1
  RETURN collect({p: p, potential: weighted / total_weight, depth: depth}) AS ranked
}
WITH g, owner, home, reqs, total_weight, ranked,
     CASE WHEN size(ranked) > $pool THEN round(ranked[$pool].potential, 9) ELSE 0.0 END AS floor
// Eligibility and exposure, for the pool only (apart from `reqs`, so no pool row carries it).
CALL (g, owner, home, ranked) {
  UNWIND ranked[..$pool] AS candidate
  WITH g, owner, home, candidate.p AS p, candidate.potential AS potential,
       candidate.depth AS depth
  WHERE p.active
    AND (owner IS NULL OR p <> owner)
    AND ($include_own_department OR home IS NULL
         OR NOT EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF]->{0,10}(home) })
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
    RETURN sum(CASE WHEN e.status = 'active' THEN e.hours_per_week ELSE 0.0 END) AS committed,
           count(CASE WHEN e.status = 'active'
                        OR (e.status = 'completed'
                            AND e.completed_at >= datetime() - duration({months: $exposure_months}))
                      THEN 1 END) AS recent,
           count(CASE WHEN e.status = 'active' AND EXISTS { (e)-[:ON]->(g) } THEN 1 END) AS on_gig
  }
  WITH g, p, potential, depth, recent, on_gig,
       coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0 - committed
         AS remaining_hours
  WHERE on_gig = 0 AND (NOT $available_only OR remaining_hours >= coalesce(g.hours_per_week, 0.0))
  WITH p, potential, depth, recent, remaining_hours,
       1.0 / (1.0 + $exposure_damping * recent) AS exposure
  WITH p, depth, recent, remaining_hours, exposure, p.id AS person_id,
       round(potential * exposure, 9) AS score
  ORDER BY score DESC, depth DESC, person_id
  LIMIT $first
  RETURN collect({p: p, recent: recent, remaining_hours: remaining_hours, exposure: exposure,
                  person_id: person_id, score: score, depth: depth}) AS chosen
}
UNWIND chosen AS c
WITH reqs, total_weight, floor, c.p AS p, c.recent AS recent, c.remaining_hours AS remaining_hours,
     c.exposure AS exposure, c.person_id AS person_id, c.score AS score, c.depth AS depth
// The reasons of the chosen few: per requirement, the best way this person meets it (ties go
// to DIRECT, then ASPIRATION, then ADJACENT, then the lower skill id).
CALL (p) {
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  RETURN collect({skill: s, skill_map: s {.id, .label, .type, .custom, .deprecated},
                  proficiency: h.proficiency, evidenced: coalesce(h.validated, false)}) AS held
}
CALL (p) {
  OPTIONAL MATCH (p)-[a:ASPIRES_TO]->(s:Skill)
  WHERE a.visibility IN $aspiration_visibilities
  RETURN collect(CASE WHEN s IS NOT NULL THEN {skill: s, interest: a.interest} END) AS wishes
}
UNWIND reqs AS r
WITH p, person_id, score, depth, floor, recent, remaining_hours, exposure, reqs, total_weight, r,
     [x IN held WHERE x.skill = r.skill | x.proficiency][0] AS direct,
     [x IN held WHERE any(w IN r.ways WHERE w.skill = x.skill)
        | {how: [w IN r.ways WHERE w.skill = x.skill][0].how, via_id: x.skill.id,
           via: x.skill_map,
           proficiency: x.proficiency, evidenced: x.evidenced,
           strength: [w IN r.ways WHERE w.skill = x.skill][0].link
                     * CASE WHEN x.evidenced THEN 1.0 ELSE $claimed_weight END
                     * CASE WHEN x.proficiency >= r.min_level THEN 1.0
                            ELSE toFloat(x.proficiency) / r.min_level END}]
     + [x IN wishes WHERE x.skill = r.skill AND r.importance <> 'required'
        | {how: 'ASPIRATION', via_id: r.skill_id, via: r.skill_map, proficiency: 0,
           evidenced: false,
           strength: $aspiration_weight * x.interest / 3.0}] AS ways
WITH p, person_id, score, depth, floor, recent, remaining_hours, exposure, reqs, total_weight, r,
     coalesce(direct, 0) AS held,
     reduce(best = null, way IN ways |
       CASE WHEN best IS NULL OR way.strength > best.strength
                 OR (way.strength = best.strength
                     AND (way.how > best.how OR (way.how = best.how AND way.via_id < best.via_id)))
            THEN way ELSE best END) AS best
WITH p, person_id, score, depth, floor, recent, remaining_hours, exposure, reqs,
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
WITH p, person_id, score, depth, floor, recent, remaining_hours, exposure, reasons, gaps, reqs,
     [r IN reqs WHERE r.importance = 'required'] AS required
WITH p, person_id, score, depth, floor, recent, remaining_hours, exposure, reasons, gaps,
     CASE WHEN size(required) = 0 THEN reqs ELSE required END AS counted
RETURN p {.*, department: [(p)-[:MEMBER_OF]->(d:Department) | d {.*}][0]} AS person,
       score,
       toFloat(size([r IN counted WHERE any(x IN reasons WHERE x.skill_id = r.skill_id AND x.met)]))
         / size(counted) AS coverage,
       reasons,
       gaps,
       exposure,
       recent AS recent_engagements,
       remaining_hours,
       floor
ORDER BY score DESC, depth DESC, person_id
