// Removes a skill from a person; returns how many were removed (0 or 1).
// :param person_id => 'P1'
// :param skill_id => 'python'
MATCH (:Person {id: $person_id})-[r:HAS_SKILL]->(:Skill {id: $skill_id})
DELETE r
RETURN count(r) AS removed
