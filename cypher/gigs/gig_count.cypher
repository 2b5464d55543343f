// How many gigs there are.
MATCH (g:Gig)
RETURN count(g) AS gigs
