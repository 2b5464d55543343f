// Candidates for a gig, best first, each with the reasons behind the score (README "Matching"),
// from the pool of best potentials that candidate_reach.cypher's digests gave (the service ranks
// them: resolvers.potentials).
//   score        = Σ over requirements r of share(r) × strength(p, r) × exposure(p)
//   share(r)     = importance weight of r / Σ importance weights of the gig's requirements
//                  (required 1, nice_to_have and learnable as candidate_reach.cypher weighs them)
//   strength     = the best way p meets r:
//     DIRECT     evidence × level            (level = min(1, proficiency / min_proficiency))
//     ADJACENT   evidence × level × the way's link (candidate_reach.cypher)
//     ASPIRATION $aspiration_weight × interest / 3, for nice_to_have and learnable only, and only
//                aspirations whose visibility is in $aspiration_visibilities
//   evidence     = 1 when validated (manager, gig feedback), $claimed_weight when only claimed
//   exposure     = 1 / (1 + $exposure_damping × engagements active or completed in the last
//                  $exposure_months months)
// `$candidates` are people (by key) with their potential (the score before exposure) and `depth`
// (Σ weight × the best level held per requirement): a slice of the ranking by potential.
// Eligible: active, not the owner, not already on the gig, outside the gig's department (and every
// department below it) unless $include_own_department, and (when $available_only) remaining
// capacity ≥ the gig's hours: weekly_hours × gig_capacity_pct / 100 − Σ hours_per_week of active
// engagements.
// Scores are rounded to 9 decimals, so that equal scores tie exactly; ties go to the higher levels
// held (`depth`), then by id. Exposure and eligibility can only lower a score, so the best $first
// of all are known once the last of them scores above the best potential not yet checked; until
// then the API checks the next slice (resolvers.matching).
// Each person comes with their department and each reason with the skill it goes through (`via`),
// so that the candidates screen needs no further query.
// :param gig_id => 'G-M01'
// :param requirements => [{skill_id: 'python', importance: 'required', min_level: 3, weight: 1.0, ways: [{skill_id: 'python', how: 'DIRECT', link: 1.0}]}]
// :param candidates => [{key: 1, potential: 0.8, depth: 4.0}]
// :param first => 20
// :param include_own_department => false
// :param available_only => true
// :param aspiration_visibilities => ['matching']
// :param aspiration_weight => 0.3
// :param claimed_weight => 0.7
// :param exposure_damping => 0.25
// :param exposure_months => 6
MATCH (g:Gig {id: $gig_id})
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (g)-[:FOR_DEPARTMENT]->(home:Department)
CALL () {
  UNWIND $requirements AS r
  MATCH (rs:Skill {id: r.skill_id})
  RETURN collect({skill_id: rs.id, skill_map: rs {.id, .label, .type, .custom, .deprecated},
                  min_level: r.min_level, importance: r.importance, ways: r.ways,
                  weight: r.weight}) AS reqs
}
WITH g, owner, home, reqs, reduce(total = 0.0, r IN reqs | total + r.weight) AS total_weight
// Eligibility and exposure, for the candidates only (apart from `reqs`, so no row carries it).
CALL (g, owner, home) {
  UNWIND $candidates AS candidate
  MATCH (p:Person {key: candidate.key})
  WITH g, owner, home, p, candidate.potential AS potential, candidate.depth AS depth
  WHERE p.active
    AND (owner IS NULL OR p <> owner)
    // the weekly gig capacity bounds the hours left: who falls short needs no further look
    AND (NOT $available_only OR p.gig_capacity_hours >= coalesce(g.hours_per_week, 0.0))
    AND ($include_own_department OR home IS NULL
         OR NOT home IN COLLECT {
           // up from the person (a few hops), never down from the gig's department to its members
           MATCH (p)-[:MEMBER_OF]->(:Department)-[:PART_OF]->{0,10}(above:Department)
           RETURN above
         })
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
WITH reqs, total_weight, c.p AS p, c.recent AS recent, c.remaining_hours AS remaining_hours,
     c.exposure AS exposure, c.person_id AS person_id, c.score AS score, c.depth AS depth
// The reasons of the chosen few: per requirement, the best way this person meets it (ties go
// to DIRECT, then ASPIRATION, then ADJACENT, then the lower skill id).
CALL (p) {
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  RETURN collect({skill_id: s.id, skill_map: s {.id, .label, .type, .custom, .deprecated},
                  proficiency: h.proficiency, evidenced: coalesce(h.validated, false)}) AS held
}
CALL (p) {
  OPTIONAL MATCH (p)-[a:ASPIRES_TO]->(s:Skill)
  WHERE a.visibility IN $aspiration_visibilities
  RETURN collect(CASE WHEN s IS NOT NULL THEN {skill_id: s.id, interest: a.interest} END) AS wishes
}
UNWIND reqs AS r
WITH p, person_id, score, depth, recent, remaining_hours, exposure, reqs, total_weight, r,
     [x IN held WHERE x.skill_id = r.skill_id | x.proficiency][0] AS direct,
     [x IN held WHERE any(w IN r.ways WHERE w.skill_id = x.skill_id)
        | {how: [w IN r.ways WHERE w.skill_id = x.skill_id][0].how, via_id: x.skill_id,
           via: x.skill_map,
           proficiency: x.proficiency, evidenced: x.evidenced,
           strength: [w IN r.ways WHERE w.skill_id = x.skill_id][0].link
                     * CASE WHEN x.evidenced THEN 1.0 ELSE $claimed_weight END
                     * CASE WHEN x.proficiency >= r.min_level THEN 1.0
                            ELSE toFloat(x.proficiency) / r.min_level END}]
     + [x IN wishes WHERE x.skill_id = r.skill_id AND r.importance <> 'required'
        | {how: 'ASPIRATION', via_id: r.skill_id, via: r.skill_map, proficiency: 0,
           evidenced: false,
           strength: $aspiration_weight * x.interest / 3.0}] AS ways
WITH p, person_id, score, depth, recent, remaining_hours, exposure, reqs, total_weight, r,
     coalesce(direct, 0) AS held,
     reduce(best = null, way IN ways |
       CASE WHEN best IS NULL OR way.strength > best.strength
                 OR (way.strength = best.strength
                     AND (way.how > best.how OR (way.how = best.how AND way.via_id < best.via_id)))
            THEN way ELSE best END) AS best
WITH p, person_id, score, depth, recent, remaining_hours, exposure, reqs,
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
WITH p, person_id, score, depth, recent, remaining_hours, exposure, reasons, gaps, reqs,
     [r IN reqs WHERE r.importance = 'required'] AS required
WITH p, person_id, score, depth, recent, remaining_hours, exposure, reasons, gaps,
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
       depth
ORDER BY score DESC, depth DESC, person_id
