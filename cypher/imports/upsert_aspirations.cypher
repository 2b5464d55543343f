// Skills a person wants to grow; visibility 'matching' shows them to gig owners, 'private' does not.
// :param rows => [{person_id: 'P1', skill_id: 'esco-2', interest: 3, visibility: 'matching'}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (s:Skill {id: row.skill_id})
MERGE (p)-[a:ASPIRES_TO]->(s)
SET a.interest = row.interest, a.visibility = row.visibility
