// What the speed benchmark asks about: open gigs with requirements, active people who hold
// skills, and skills that people hold, each a sample of at most $count.
// :param count => 50
CALL () {
  MATCH (g:Gig {status: 'open'}) WHERE EXISTS { (g)-[:REQUIRES]->() }
  RETURN collect(g.id)[..$count] AS gig_ids
}
CALL () {
  MATCH (p:Person {active: true}) WHERE EXISTS { (p)-[:HAS_SKILL]->() }
  WITH p LIMIT $count
  RETURN collect(p.id) AS person_ids
}
CALL () {
  MATCH (s:Skill) WHERE EXISTS { (s)<-[:HAS_SKILL]-() }
  WITH s LIMIT $count
  RETURN collect(s.id) AS skill_ids
}
RETURN gig_ids, person_ids, skill_ids
