// Removes the gigs a benchmark created (their ids start with its prefix), with what hangs off
// them, so the benchmark leaves the graph as it found it.
// :param prefix => 'FAULT-'
MATCH (g:Gig)
WHERE g.id STARTS WITH $prefix
OPTIONAL MATCH (g)<-[:TO]-(a:Application)
OPTIONAL MATCH (g)<-[:ON]-(e)
OPTIONAL MATCH (g)<-[:ABOUT]-(event)
DETACH DELETE a, e, event, g
RETURN count(DISTINCT g) AS removed
