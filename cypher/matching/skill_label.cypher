// A skill's label, to check that a skill exists before looking for people near it.
// :param skill_id => 'python'
MATCH (s:Skill {id: $skill_id})
RETURN s.id AS skill_id, s.label AS label
