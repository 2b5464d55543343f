// A gig with its owner, and a prospective applicant with their live application to it (if any):
// what applying and inviting check.
// :param gig_id => 'G1'
// :param person_id => 'P2'
OPTIONAL MATCH (g:Gig {id: $gig_id})
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (p:Person {id: $person_id})
OPTIONAL MATCH (p)-[:APPLIED]->(live:Application)-[:TO]->(g)
  WHERE live.state IN ['invited', 'submitted', 'shortlisted', 'offered', 'accepted']
RETURN g {.*} AS gig, owner.id AS owner_id, p {.*} AS person,
       collect(live.id)[0] AS live_application_id
