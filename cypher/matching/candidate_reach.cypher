// Who a gig's requirements can reach, for matching (README "Matching"): one row per requirement
// in the order the score sums them (required, nice-to-have, learnable; then by skill id), with
// its weight, the ways to meet it and, for each way, the holder digest of the skill it goes
// through (skills/refresh_holder_digests.cypher: person key × 16 + proficiency × 2 + validated),
// so that the potentials of thousands of holders are computed from a few lists instead of an
// expansion of every holder's edge. A way is the skill itself (DIRECT, link 1) or one hop away
// (ADJACENT, link $adjacent_weight × 1 through an adjacent BROADER step, else the RELATED_TO
// weight), through any adjacent BROADER neighbour and the $related_limit strongest RELATED_TO
// neighbours (a bounded expansion: generic skills relate to hundreds of others). `aspirants`
// lists who aspires to a nice-to-have or learnable skill ([key, interest], visibility in
// $aspiration_visibilities; people without a key, in a graph not migrated yet, are not reached). No row when the gig does not exist, has no requirement, or (when
// $available_only) nobody's weekly gig capacity reaches its hours (a seek on the capacity index;
// gig_hours_reachable.cypher then proves the answer empty). match_candidates.cypher takes the
// ranked potentials from here.
// :param gig_id => 'G-M01'
// :param available_only => true
// :param aspiration_visibilities => ['matching']
// :param adjacent_weight => 0.6
// :param related_limit => 5
// :param nice_to_have_weight => 0.5
// :param learnable_weight => 0.5
MATCH (g:Gig {id: $gig_id})
WHERE NOT $available_only
   OR EXISTS { MATCH (p:Person) WHERE p.gig_capacity_hours >= coalesce(g.hours_per_week, 0.0) }
MATCH (g)-[req:REQUIRES]->(rs:Skill)
WITH rs, req,
     CASE req.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END AS rank
ORDER BY rank, rs.id
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
  RETURN collect({skill_id: via.id, how: 'ADJACENT', link: $adjacent_weight * link,
                  holders: coalesce(head(COLLECT {
                    MATCH (d:HolderDigest {skill_id: via.id}) RETURN d.holders
                  }), [])}) AS adjacent
}
RETURN rs.id AS skill_id,
       req.importance AS importance,
       req.min_proficiency AS min_level,
       CASE rank
         WHEN 0 THEN 1.0
         WHEN 1 THEN toFloat($nice_to_have_weight)
         ELSE toFloat($learnable_weight) END AS weight,
       [{skill_id: rs.id, how: 'DIRECT', link: 1.0,
         holders: coalesce(head(COLLECT {
           MATCH (d:HolderDigest {skill_id: rs.id}) RETURN d.holders
         }), [])}] + adjacent
         AS ways,
       CASE WHEN req.importance = 'required' THEN []
            ELSE [(p:Person)-[a:ASPIRES_TO]->(rs)
                  WHERE a.visibility IN $aspiration_visibilities AND p.key IS NOT NULL
                  | [p.key, a.interest]] END AS aspirants
