// Every aspiration whose visibility is in $visibilities, for the speed benchmark's scorers.
// :param visibilities => ['matching']
MATCH (p:Person)-[a:ASPIRES_TO]->(s:Skill)
WHERE a.visibility IN $visibilities
RETURN p.id AS person_id, s.id AS skill_id, a.interest AS interest
