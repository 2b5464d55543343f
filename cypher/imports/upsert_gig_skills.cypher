// The skills a gig asks for: required, nice to have, or learnable on the job.
// :param rows => [{gig_id: 'G1', skill_id: 'esco-1', min_proficiency: 3, importance: 'required'}]
UNWIND $rows AS row
MATCH (g:Gig {id: row.gig_id})
MATCH (s:Skill {id: row.skill_id})
MERGE (g)-[r:REQUIRES]->(s)
SET r.min_proficiency = row.min_proficiency, r.importance = row.importance
