// Open gigs of a department or its sub-departments in one hand-written query (the gig list
// benchmark's baseline): how many, and the first $first as cards, in id order.
// :param department_id => 'ENG'
// :param first => 20
MATCH (:Department {id: $department_id})<-[:PART_OF*0..]-(:Department)
      <-[:FOR_DEPARTMENT]-(g:Gig {status: 'open'})
WITH DISTINCT g ORDER BY g.id
WITH collect(g) AS gigs
RETURN size(gigs) AS total,
       [g IN gigs[..$first] | g {.id, .title, .type, .status, .hours_per_week, .duration_weeks,
                                 .start_date, .seats, .location, .remote, .application_deadline,
                                 department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.name}][0],
                                 owner: [(g)-[:OWNED_BY]->(o:Person) | o {.name}][0]}] AS page
