// Every HAS_SKILL, for the speed benchmark's in-memory scorers.
MATCH (p:Person)-[h:HAS_SKILL]->(s:Skill)
RETURN p.id AS person_id, s.id AS skill_id, h.proficiency AS proficiency,
       coalesce(h.validated, false) AS evidenced
