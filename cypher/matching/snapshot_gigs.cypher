// Gigs by id with owner, department and requirements, for the speed benchmark's scorers; a gig's
// department excludes candidates from it and from every department below it.
// :param ids => ['G1']
UNWIND $ids AS id
MATCH (g:Gig {id: id})
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (g)-[:FOR_DEPARTMENT]->(d:Department)
RETURN g.id AS id, owner.id AS owner_id,
       COLLECT { MATCH (below:Department)-[:PART_OF]->{0,10}(d) RETURN below.id }
         AS excluded_department_ids,
       coalesce(g.hours_per_week, 0.0) AS hours_per_week,
       [(g)-[req:REQUIRES]->(s:Skill)
          | {skill_id: s.id, min_level: req.min_proficiency, importance: req.importance}]
         AS requirements
