// Removes an aspiration; returns how many were removed (0 or 1).
// :param person_id => 'P1'
// :param skill_id => 'rust'
MATCH (:Person {id: $person_id})-[a:ASPIRES_TO]->(:Skill {id: $skill_id})
DELETE a
RETURN count(a) AS removed
