// Replaces a gig's skills.
// :param id => 'G1'
// :param skills => [{skill_id: 'python', min_proficiency: 3, importance: 'required'}]
MATCH (g:Gig {id: $id})
OPTIONAL MATCH (g)-[old:REQUIRES]->(:Skill)
DELETE old
WITH DISTINCT g
UNWIND $skills AS row
MATCH (s:Skill {id: row.skill_id})
CREATE (g)-[:REQUIRES {min_proficiency: row.min_proficiency, importance: row.importance}]->(s)
RETURN count(*) AS skills
