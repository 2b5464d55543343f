// Takes write locks on an engagement's gig and then the engagement; re-read afterwards.
// :param id => 'E1'
MATCH (e:Engagement {id: $id})-[:ON]->(g:Gig)
SET g._lock = true
REMOVE g._lock
SET e._lock = true
REMOVE e._lock
RETURN e.id AS id
