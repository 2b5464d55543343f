// Every BROADER and RELATED_TO link that counts as adjacency, for the speed benchmark's in-memory
// scorers.
MATCH (a:Skill)-[r:BROADER|RELATED_TO {adjacent: true}]->(b:Skill)
RETURN a.id AS from_id, b.id AS to_id, type(r) AS kind, r.weight AS weight
