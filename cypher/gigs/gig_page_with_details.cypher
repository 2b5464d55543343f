// One gig with its owner, department, skills (required first) and applications (oldest first,
// with the applicant) in one hand-written query: what the gig page's data costs as raw Cypher
// (the API benchmark's baseline).
// :param gig_id => 'G1'
MATCH (g:Gig {id: $gig_id})
RETURN g {.id, .title, .description, .status, .type, .hours_per_week, .seats,
          owner: [(g)-[:OWNED_BY]->(o:Person) | o {.id, .name}][0],
          department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.id, .name}][0],
          skills: COLLECT {
            MATCH (g)-[r:REQUIRES]->(s:Skill)
            RETURN {min_proficiency: r.min_proficiency, importance: r.importance,
                    skill: s {.id, .label}}
            ORDER BY CASE r.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1 ELSE 2 END,
                     s.label
          },
          applications: COLLECT {
            MATCH (p:Person)-[:APPLIED]->(a:Application)-[:TO]->(g)
            RETURN a {.id, .state, .origin, .created_at, person: p {.id, .name, .title}}
            ORDER BY a.created_at, a.id
          }} AS gig
