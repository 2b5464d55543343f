// Open gigs that require a skill in one hand-written query (the gig list benchmark's baseline):
// how many, and the first $first as cards, in id order.
// :param skill_id => 'python'
// :param first => 20
MATCH (:Skill {id: $skill_id})<-[:REQUIRES]-(g:Gig {status: 'open'})
WITH DISTINCT g ORDER BY g.id
WITH collect(g) AS gigs
RETURN size(gigs) AS total,
       [g IN gigs[..$first] | g {.id, .title, .type, .status, .hours_per_week, .duration_weeks,
                                 .start_date, .seats, .location, .remote, .application_deadline,
                                 department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.name}][0],
                                 owner: [(g)-[:OWNED_BY]->(o:Person) | o {.name}][0]}] AS page
