// Who is near this skill, as a picture: the skill, the skills one hop from it in the taxonomy
// (BROADER up or down, RELATED_TO either way), and the active people who hold or aspire to any
// of them. For the ranked list with scores, run matching/people_near_skill.
// :param skill_id => 'ccd0a1d9-afda-43d9-b901-96344886e14d'
// :param limit => 50
MATCH (s:Skill {id: $skill_id})
CALL (s) {
  MATCH path = (s)-[:BROADER|RELATED_TO {adjacent: true}]-{0,1}(:Skill)<-[:HAS_SKILL|ASPIRES_TO]-(p:Person)
  WHERE coalesce(p.active, true)
  RETURN path
  ORDER BY length(path), p.name
  LIMIT $limit
}
RETURN path
