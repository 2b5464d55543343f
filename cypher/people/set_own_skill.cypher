// A person declares a skill at a level. A new or changed level is a self-declared, unvalidated
// claim; re-declaring the same level keeps the evidence (validation, source) it had. Either way
// the person has just confirmed it: it is no longer stale.
// :param person_id => 'P1'
// :param skill_id => 'python'
// :param proficiency => 4
MATCH (p:Person {id: $person_id})
MATCH (s:Skill {id: $skill_id})
MERGE (p)-[r:HAS_SKILL]->(s)
WITH p, r, coalesce(r.proficiency = $proficiency, false) AS unchanged
SET r.validated = CASE WHEN unchanged THEN r.validated ELSE false END,
    r.source = CASE WHEN unchanged THEN r.source ELSE 'self' END,
    r.confirmed_at = datetime(),
    r.proficiency = $proficiency
RETURN p.id AS id
