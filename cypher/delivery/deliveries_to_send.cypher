// What the messages of claimed deliveries say: the recipient, the notification and the gig,
// application (with its applicant) and engagement (with its helper) it is about. A digest lists
// the notifications it carries instead, oldest first.
// :param keys => ['n1:email']
UNWIND $keys AS key
MATCH (d:Delivery {key: key})
MATCH (p:Person {id: d.person_id})
OPTIONAL MATCH (d)-[:OF]->(n:Notification)
CALL (n) {
  OPTIONAL MATCH (g:Gig {id: n.gig_id})
  OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
  OPTIONAL MATCH (applicant:Person)-[:APPLIED]->(a:Application {id: n.application_id})
  OPTIONAL MATCH (helper:Person)-[:ENGAGED_IN]->(e:Engagement {id: n.engagement_id})
  RETURN CASE WHEN n IS NULL THEN null ELSE {
    notification: n {.id, .kind, .message, .created_at},
    gig: CASE WHEN g IS NULL THEN null ELSE g {.id, .title, .type, .start_date, .hours_per_week,
                                               .duration_weeks, owner: owner {.id, .name, .email}} END,
    application: CASE WHEN a IS NULL THEN null ELSE a {.id, .state, .decision_reason,
                                                       .approval_reason,
                                                       applicant: applicant {.id, .name, .email}} END,
    engagement: CASE WHEN e IS NULL THEN null ELSE e {.id, .status, .started_at, .completed_at,
                                                      .rating, .feedback, .cancellation_reason,
                                                      helper: helper {.id, .name, .email}} END
  } END AS subject
}
RETURN d {.key, .channel, .address, .kind, .attempts, .created_at} AS delivery,
       p {.id, .name, .email} AS recipient,
       subject,
       COLLECT {
         MATCH (d)-[:INCLUDES]->(:Delivery)-[:OF]->(item:Notification)
         RETURN item {.id, .kind, .message, .created_at, .gig_id,
                      gig_title: COLLECT { MATCH (ig:Gig {id: item.gig_id}) RETURN ig.title }[0]}
         ORDER BY item.created_at, item.id
       } AS items
