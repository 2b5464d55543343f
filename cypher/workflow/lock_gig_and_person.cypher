// Takes write locks on a gig and then a person, so two applications of one person to one gig
// cannot both be created; re-read afterwards.
// :param gig_id => 'G1'
// :param person_id => 'P2'
OPTIONAL MATCH (g:Gig {id: $gig_id})
OPTIONAL MATCH (p:Person {id: $person_id})
FOREACH (node IN [n IN [g, p] WHERE n IS NOT NULL] | SET node._lock = true REMOVE node._lock)
RETURN g IS NOT NULL AS gig_found, p IS NOT NULL AS person_found
