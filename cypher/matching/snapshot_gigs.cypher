// Gigs by id with owner, department and requirements, for the speed benchmark's scorers.
// :param ids => ['G1']
UNWIND $ids AS id
MATCH (g:Gig {id: id})
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (g)-[:FOR_DEPARTMENT]->(d:Department)
RETURN g.id AS id, owner.id AS owner_id, d.id AS department_id,
       coalesce(g.hours_per_week, 0.0) AS hours_per_week,
       [(g)-[req:REQUIRES]->(s:Skill)
          | {skill_id: s.id, min_level: req.min_proficiency, importance: req.importance}]
         AS requirements
