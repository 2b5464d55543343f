// A page of active people with their department and skills in one hand-written query: what a
// screen's data costs as raw Cypher (the API benchmark's baseline).
// :param after => ''
// :param limit => 50
MATCH (p:Person)
WHERE p.id > $after AND p.active = true
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (p)-[:MEMBER_OF]->(d:Department)
CALL (p) {
  OPTIONAL MATCH (p)-[r:HAS_SKILL]->(s:Skill)
  WITH r, s ORDER BY r.proficiency DESC, s.label
  RETURN collect(CASE WHEN s IS NULL THEN NULL
                 ELSE {proficiency: r.proficiency, validated: r.validated,
                       skill: {id: s.id, label: s.label}} END) AS skills
}
RETURN p.id AS id, p.name AS name, p.title AS title, d {.id, .name} AS department, skills
ORDER BY p.id
