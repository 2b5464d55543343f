// Open gigs of a type in one hand-written query (the gig list benchmark's baseline): how many,
// and the first $first as cards, in id order.
// :param type => 'mentorship'
// :param first => 20
MATCH (g:Gig {status: 'open'})
WHERE g.type = $type
WITH g ORDER BY g.id
WITH collect(g) AS gigs
RETURN size(gigs) AS total,
       [g IN gigs[..$first] | g {.id, .title, .type, .status, .hours_per_week, .duration_weeks,
                                 .start_date, .seats, .location, .remote, .application_deadline,
                                 department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.name}][0],
                                 owner: [(g)-[:OWNED_BY]->(o:Person) | o {.name}][0]}] AS page
