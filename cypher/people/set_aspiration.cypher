// A person wants to grow a skill, with an interest 1-3 and a visibility (matching or private).
// :param person_id => 'P1'
// :param skill_id => 'rust'
// :param interest => 3
// :param visibility => 'private'
MATCH (p:Person {id: $person_id})
MATCH (s:Skill {id: $skill_id})
MERGE (p)-[a:ASPIRES_TO]->(s)
SET a.interest = $interest, a.visibility = $visibility
RETURN p.id AS id
