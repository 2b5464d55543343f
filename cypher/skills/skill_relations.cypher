// Every RELATED_TO link with its weight: what the in-memory suggester spreads a text's strongest
// skills over (`seed.skill_suggestions`).
MATCH (a:Skill)-[r:RELATED_TO]->(b:Skill)
RETURN a.id AS skill_id, b.id AS related_id, r.weight AS weight
ORDER BY skill_id, related_id
