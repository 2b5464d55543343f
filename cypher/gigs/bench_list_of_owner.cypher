// The "My gigs" screen's data in one hand-written query (the gig list benchmark's baseline): how
// many gigs the owner has in the statuses, and the first $first as cards, in id order.
// :param owner_id => 'P1'
// :param statuses => ['draft', 'open', 'filled', 'in_progress', 'completed']
// :param first => 100
MATCH (:Person {id: $owner_id})<-[:OWNED_BY]-(g:Gig)
WHERE g.status IN $statuses
WITH g ORDER BY g.id
WITH collect(g) AS gigs
RETURN size(gigs) AS total,
       [g IN gigs[..$first] | g {.id, .title, .type, .status, .hours_per_week, .duration_weeks,
                                 .start_date, .seats, .location, .remote, .application_deadline,
                                 department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.name}][0],
                                 owner: [(g)-[:OWNED_BY]->(o:Person) | o {.name}][0]}] AS page
