// The audit trail of a gig (everything about it, its applications and engagements) or of a person
// (everything that concerns them), in the order it happened, with the actor's name. Pass one id,
// the other null.
// :param gig_id => 'G1'
// :param person_id => null
// :param first => 100
CALL {
  MATCH (:Gig {id: $gig_id})<-[:ABOUT]-(event:AuditEvent)
  RETURN event
  UNION
  MATCH (:Person {id: $person_id})<-[:CONCERNS]-(event:AuditEvent)
  RETURN event
}
OPTIONAL MATCH (actor:Person {id: event.actor_id})
RETURN event {.*, actor_name: actor.name} AS event
ORDER BY event.at, event.seq
LIMIT $first
