// A gig's candidates, as a picture: the gig with its department and owner, the skills it
// requires, and the active people (not the owner) who hold a required skill at its minimum
// proficiency or above, strongest first. For whom each requirement reaches, run
// matching/candidate_reach; for scores and reasons, matching/match_candidates.
// :param gig_id => 'G-M01'
// :param limit => 50
MATCH context = (:Department)<-[:FOR_DEPARTMENT]-(g:Gig {id: $gig_id})-[:OWNED_BY]->(:Person)
OPTIONAL CALL (g) {
  MATCH path = (g)-[r:REQUIRES]->(:Skill)<-[h:HAS_SKILL]-(p:Person)
  WHERE coalesce(p.active, true) AND h.proficiency >= r.min_proficiency
    AND NOT EXISTS { (g)-[:OWNED_BY]->(p) }
  RETURN path
  ORDER BY h.proficiency DESC, p.name
  LIMIT $limit
}
RETURN context, path
