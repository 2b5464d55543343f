// Notifications for the people an event needs: unread until they mark them read.
// :param notifications => [{person_id: 'P9', kind: 'approval_requested', message: 'Ada asks to join Churn dashboard', gig_id: 'G1', application_id: 'A1', engagement_id: null}]
// :param now => datetime('2026-11-01T09:00:00Z')
UNWIND $notifications AS notice
MATCH (p:Person {id: notice.person_id})
CREATE (n:Notification {id: randomUUID(), kind: notice.kind, message: notice.message,
                        created_at: $now, gig_id: notice.gig_id,
                        application_id: notice.application_id,
                        engagement_id: notice.engagement_id})
CREATE (n)-[:FOR]->(p)
RETURN count(n) AS sent
