// Whom the development sign-in page offers, a few per role: managers with a team, one report of
// each of those managers (so an employee's manager is on the page too), owners of open gigs,
// members of an HR / People department, and the top of the hierarchy as the admin.
// :param per_role => 4
WITH COLLECT {
       MATCH (m:Person {active: true})<-[:REPORTS_TO]-(:Person {active: true})
       WHERE EXISTS { (m)-[:REPORTS_TO]->() }
       WITH DISTINCT m
       RETURN m ORDER BY m.id LIMIT $per_role
     } AS managers
WITH managers,
     [m IN managers | COLLECT {
       MATCH (p:Person {active: true})-[:REPORTS_TO]->(m)
       WHERE NOT ()-[:REPORTS_TO]->(p)
       RETURN p ORDER BY EXISTS { (p)-[:ASPIRES_TO]->() } DESC, p.id LIMIT 1
     }[0]] AS employees,
     COLLECT {
       MATCH (g:Gig {status: 'open'})-[:OWNED_BY]->(o:Person {active: true})
       WITH o, count(g) AS open_gigs
       RETURN o ORDER BY open_gigs DESC, o.id LIMIT $per_role
     } AS owners,
     COLLECT {
       MATCH (p:Person {active: true})-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(d:Department)
       WHERE toLower(d.name) CONTAINS 'people' OR toLower(d.name) CONTAINS 'human'
          OR d.name = 'HR'
       WITH DISTINCT p
       RETURN p ORDER BY p.id LIMIT $per_role
     } AS hr,
     COLLECT {
       MATCH (p:Person {active: true}) WHERE NOT (p)-[:REPORTS_TO]->()
       RETURN p ORDER BY p.id LIMIT 1
     } AS admins
UNWIND [['employee', employees], ['owner', owners], ['manager', managers], ['hr', hr],
        ['admin', admins]] AS role_people
WITH role_people[0] AS role, role_people[1] AS people
UNWIND range(0, size(people) - 1) AS rank
WITH role, rank, people[rank] AS p
WHERE p IS NOT NULL
OPTIONAL MATCH (p)-[:MEMBER_OF]->(d:Department)
OPTIONAL MATCH (p)-[:REPORTS_TO]->(m:Person)
RETURN role, p.id AS id, p.name AS name, p.title AS title, d.name AS department,
       m.name AS manager
ORDER BY CASE role WHEN 'employee' THEN 0 WHEN 'owner' THEN 1 WHEN 'manager' THEN 2
                   WHEN 'hr' THEN 3 ELSE 4 END, rank
