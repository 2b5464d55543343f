// How much the graph holds: whether a demo or a seed needs to import anything.
CALL () { MATCH (p:Person) RETURN count(p) AS people, count(CASE WHEN p.active THEN 1 END) AS active_people }
CALL () { MATCH (s:Skill {source: 'taxonomy'}) RETURN count(s) AS taxonomy_skills }
CALL () { MATCH (d:Department) RETURN count(d) AS departments }
CALL () { MATCH (g:Gig) RETURN count(g) AS gigs }
RETURN people, active_people, taxonomy_skills, departments, gigs
