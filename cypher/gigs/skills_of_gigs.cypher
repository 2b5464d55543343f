// Each gig's skills with minimum proficiency and importance, required ones first, one list per
// gig (DataLoader).
// :param ids => ['G1']
UNWIND $ids AS id
MATCH (gig:Gig {id: id})
USING INDEX gig:Gig(id)
RETURN id AS key, COLLECT {
  MATCH (gig)-[r:REQUIRES]->(s:Skill)
  RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
          min_proficiency: r.min_proficiency, importance: r.importance}
  ORDER BY CASE r.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END,
           s.label
} AS value
