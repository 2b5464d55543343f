// Whom `talentgraph demo` issues tokens for: the first active person of an HR / People department
// (else the top of the hierarchy) and an individual contributor with aspirations, in a team.
WITH COLLECT {
       MATCH (p:Person {active: true})-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(d:Department)
       WHERE toLower(d.name) CONTAINS 'people' OR toLower(d.name) CONTAINS 'human'
          OR d.name = 'HR'
       RETURN p.id ORDER BY p.id LIMIT 1
     } AS hr,
     COLLECT {
       MATCH (p:Person {active: true}) WHERE NOT (p)-[:REPORTS_TO]->()
       RETURN p.id ORDER BY p.id LIMIT 1
     } AS top,
     COLLECT {
       MATCH (p:Person {active: true})-[:REPORTS_TO]->()
       WHERE NOT ()-[:REPORTS_TO]->(p) AND EXISTS { (p)-[:ASPIRES_TO]->() }
       WITH p, EXISTS { (p)-[:MEMBER_OF]->()-[:PART_OF]->() } AS in_a_team
       RETURN p.id ORDER BY in_a_team DESC, p.id LIMIT 1
     } AS employee
WITH coalesce(hr[0], top[0]) AS hr_id, coalesce(employee[0], top[0]) AS employee_id
WHERE hr_id IS NOT NULL
RETURN hr_id, employee_id
