// Whom the load and fault benchmarks act as: the first active people (by id) with their
// department, the open gigs they browse, and a skill for the gigs they create.
// :param people => 100
CALL () {
  MATCH (p:Person {active: true})-[:MEMBER_OF]->(d:Department)
  WITH p, d ORDER BY p.id LIMIT $people
  RETURN collect({id: p.id, department_id: d.id}) AS people
}
CALL () {
  MATCH (g:Gig {status: 'open'})
  WITH g ORDER BY g.id LIMIT 200
  RETURN collect(g.id) AS open_gigs
}
CALL () {
  MATCH (s:Skill {source: 'taxonomy'})
  WITH s ORDER BY s.id LIMIT 1
  RETURN s.id AS skill_id
}
RETURN people, open_gigs, skill_id
