// Skill risk, by department (the department and its sub-departments): skills the department
// would lose if one or two people left. A (department, skill) is at risk when at most
// `max_holders` of the department's active members hold the skill and either the department's
// open gigs require it or at most `max_holders` people in the whole organisation hold it. With
// each risk: the holders, the open gigs needing it, and the aspirants anywhere in the
// organisation who could grow into it (strongest interest and proficiency first).
// :param department_id => null
// :param max_holders => 2
// :param limit => 10
CALL () {
  MATCH (s:Skill)
  WHERE COUNT { (s)<-[:HAS_SKILL]-() } <= $max_holders
  CALL (s) {
    MATCH (s)<-[:HAS_SKILL]-(p:Person)-[:MEMBER_OF]->(d:Department)
    WHERE coalesce(p.active, true)
      AND ($department_id IS NULL
           OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) })
    RETURN DISTINCT d
  }
  RETURN s, d
  UNION
  MATCH (g:Gig {status: 'open'})-[:FOR_DEPARTMENT]->(d:Department)
  WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
  MATCH (g)-[:REQUIRES {importance: 'required'}]->(s:Skill)
  RETURN DISTINCT s, d
}
WITH s, d, COLLECT {
  MATCH (d)<-[:MEMBER_OF]-(p:Person)-[:HAS_SKILL]->(s)
  WHERE coalesce(p.active, true)
  RETURN p.id
} AS holder_ids
WHERE size(holder_ids) <= $max_holders
WITH s, d, holder_ids,
     COUNT { (s)<-[:HAS_SKILL]-() } AS organisation_holders,
     COUNT { (d)<-[:FOR_DEPARTMENT]-(:Gig {status: 'open'})-[:REQUIRES {importance: 'required'}]->(s) }
       AS open_gigs
WHERE open_gigs > 0 OR organisation_holders <= $max_holders
ORDER BY open_gigs DESC, size(holder_ids), organisation_holders, s.label, d.name
LIMIT $limit
RETURN d.id AS department_id, d.name AS department_name, s.id AS skill_id,
       s.label AS skill_label, holder_ids, organisation_holders, open_gigs,
       COUNT { (s)<-[:ASPIRES_TO]-() } AS aspirant_count,
       COLLECT {
         MATCH (a:Person)-[asp:ASPIRES_TO]->(s)
         WHERE coalesce(a.active, true)
         OPTIONAL MATCH (a)-[h:HAS_SKILL]->(s)
         RETURN a {.id, .name, interest: asp.interest, proficiency: coalesce(h.proficiency, 0)}
                AS aspirant
         ORDER BY aspirant.interest DESC, aspirant.proficiency DESC, aspirant.name
         LIMIT 5
       } AS aspirants
