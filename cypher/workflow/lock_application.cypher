// Takes write locks on an application's gig, applicant and the application itself, in that order,
// so concurrent transitions on one gig (and one person's capacity) serialise; re-read afterwards.
// :param id => 'A1'
MATCH (p:Person)-[:APPLIED]->(a:Application {id: $id})-[:TO]->(g:Gig)
SET g._lock = true
REMOVE g._lock
SET p._lock = true
REMOVE p._lock
SET a._lock = true
REMOVE a._lock
RETURN a.id AS id
