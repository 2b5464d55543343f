// Each gig's skills with minimum proficiency and importance, required ones first (DataLoader).
// :param ids => ['G1']
UNWIND $ids AS id
MATCH (gig:Gig {id: id})-[r:REQUIRES]->(s:Skill)
USING INDEX gig:Gig(id)
RETURN id AS key,
       {skill: s {.id, .label, .aliases, .type, .description, .custom, .deprecated},
        min_proficiency: r.min_proficiency, importance: r.importance} AS value
ORDER BY key,
         CASE r.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END,
         s.label
