// Gigs by id, with their owner's id for the draft visibility rule (DataLoader), and what the
// screen shows of each in the same round trip: the parts switched on by $with_* come back
// nested (owner, department, skills required first); a part switched off is null.
// :param ids => ['G1', 'G2']
// :param with_owner => true
// :param with_department => true
// :param with_skills => true
UNWIND $ids AS id
MATCH (g:Gig {id: id})-[:OWNED_BY]->(owner:Person)
USING INDEX g:Gig(id)
RETURN id AS key,
       g {.*, owner_id: owner.id,
          owner: CASE WHEN $with_owner THEN owner {.*} END,
          department: CASE WHEN $with_department
                        THEN [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.*}][0] END,
          skills: CASE WHEN $with_skills THEN COLLECT {
                    MATCH (g)-[r:REQUIRES]->(s:Skill)
                    RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
                            min_proficiency: r.min_proficiency, importance: r.importance}
                    ORDER BY CASE r.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1
                             ELSE 2 END, s.label
                  } END} AS value
