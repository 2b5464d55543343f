// The "Find gigs" screen before any word is typed, in one hand-written query (the gig list
// benchmark's baseline for searchGigs): how many open gigs whose application deadline has not
// passed, the first $first of them as cards, newest first, and every department with its parent.
// :param today => date()
// :param first => 24
MATCH (g:Gig {status: 'open'})
WHERE g.application_deadline IS NULL OR g.application_deadline >= $today
WITH g ORDER BY coalesce(g.published_at, g.created_at) DESC, g.id
WITH collect(g) AS gigs
RETURN size(gigs) AS total,
       [g IN gigs[..$first] | g {.id, .title, .type, .status, .hours_per_week, .duration_weeks,
                                 .start_date, .seats, .location, .remote, .application_deadline,
                                 department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.name}][0],
                                 owner: [(g)-[:OWNED_BY]->(o:Person) | o {.name}][0]}] AS page,
       COLLECT { MATCH (d:Department)
                 RETURN d {.id, .name, parent: [(d)-[:PART_OF]->(p:Department) | p {.id}][0]} }
         AS departments
