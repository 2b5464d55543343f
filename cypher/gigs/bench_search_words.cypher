// The "Find gigs" screen with words typed, in one hand-written query (the gig list benchmark's
// baseline for searchGigs): how many open gigs whose deadline has not passed match the full-text
// query, the first $first as cards, best match first (then newest), and every department.
// :param query => '(churn* OR churn~)'
// :param today => date()
// :param first => 24
CALL db.index.fulltext.queryNodes('gig_text', $query) YIELD node AS g, score
WHERE g.status = 'open' AND (g.application_deadline IS NULL OR g.application_deadline >= $today)
WITH g ORDER BY score DESC, coalesce(g.published_at, g.created_at) DESC, g.id
WITH collect(g) AS gigs
RETURN size(gigs) AS total,
       [g IN gigs[..$first] | g {.id, .title, .type, .status, .hours_per_week, .duration_weeks,
                                 .start_date, .seats, .location, .remote, .application_deadline,
                                 department: [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.name}][0],
                                 owner: [(g)-[:OWNED_BY]->(o:Person) | o {.name}][0]}] AS page,
       COLLECT { MATCH (d:Department)
                 RETURN d {.id, .name, parent: [(d)-[:PART_OF]->(p:Department) | p {.id}][0]} }
         AS departments
