// Whom the web screens benchmark signs in as: an active employee with aspirations (the home
// screen) and the owner of an open gig with skills (the candidates screen), first by id.
// :param none => null
WITH COLLECT {
       MATCH (p:Person {active: true})-[:ASPIRES_TO]->()
       WHERE EXISTS { (p)-[:HAS_SKILL]->() }
       RETURN DISTINCT p.id ORDER BY p.id LIMIT 1
     }[0] AS employee_id,
     COLLECT {
       MATCH (g:Gig {status: 'open'})-[:OWNED_BY]->(o:Person {active: true})
       WHERE EXISTS { (g)-[:REQUIRES]->() }
       RETURN [g.id, o.id] ORDER BY g.id LIMIT 1
     }[0] AS gig_and_owner
RETURN employee_id, gig_and_owner[0] AS gig_id, gig_and_owner[1] AS owner_id
