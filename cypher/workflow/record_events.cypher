// The audit trail: one event per state change (who, when, from, to, why), linked to what it is
// about (application, engagement, gig) and to the person it concerns.
// :param events => [{seq: 0, actor_id: 'P1', action: 'shortlist', subject: 'application', subject_id: 'A1', from_state: 'submitted', to_state: 'shortlisted', reason: null, gig_id: 'G1', application_id: 'A1', engagement_id: null, person_id: 'P2'}]
// :param now => datetime('2026-11-01T09:00:00Z')
UNWIND $events AS event
MATCH (g:Gig {id: event.gig_id})
OPTIONAL MATCH (a:Application {id: event.application_id})
OPTIONAL MATCH (e:Engagement {id: event.engagement_id})
OPTIONAL MATCH (p:Person {id: event.person_id})
CREATE (audit:AuditEvent {id: randomUUID(), at: $now, seq: event.seq, actor_id: event.actor_id,
                          action: event.action, subject: event.subject,
                          subject_id: event.subject_id, from_state: event.from_state,
                          to_state: event.to_state, reason: event.reason, gig_id: g.id,
                          person_id: event.person_id})
CREATE (audit)-[:ABOUT]->(g)
FOREACH (about IN [n IN [a, e] WHERE n IS NOT NULL] | CREATE (audit)-[:ABOUT]->(about))
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (audit)-[:CONCERNS]->(p))
RETURN count(audit) AS recorded
