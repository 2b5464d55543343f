// What benchmarks.skill_edit edits: the skill held by the most people (the longest holder
// digest), one of median popularity and one held by the fewest, and $count active people who
// hold none of the three.
// :param count => 50
CALL () {
  MATCH (s:Skill)
  WITH s, COUNT { (s)<-[:HAS_SKILL]-(:Person) } AS holders
  WHERE holders > 0
  WITH s.id AS id, holders
  ORDER BY holders DESC, id
  WITH collect({id: id, holders: holders}) AS skills
  RETURN [skills[0], skills[size(skills) / 2], skills[-1]] AS skills
}
CALL (skills) {
  MATCH (p:Person {active: true})
  WHERE NONE(skill IN skills WHERE EXISTS { (p)-[:HAS_SKILL]->(:Skill {id: skill.id}) })
  WITH p LIMIT $count
  RETURN collect(p.id) AS editors
}
RETURN skills, editors
