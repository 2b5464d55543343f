// Turns new notifications into delivery jobs: one per channel the person wants, keyed by
// notification and channel, so planning twice creates nothing twice. `instant` jobs are due now,
// `digest` ones wait for the daily digest; `off`, a channel without an address or an inactive
// person gets none. Notifications are taken oldest first from the planning cursor (the newest
// `created_at` planned so far) minus $margin_s, which covers transactions that commit late.
// :param now => datetime('2026-11-01T09:00:00Z')
// :param margin_s => 600
// :param limit => 1000
// :param channels => ['email']
// :param instant_kinds => ['approval_requested', 'rejected']
OPTIONAL MATCH (cursor:DeliveryCursor {id: 'plan'})
WITH coalesce(cursor.at - duration({seconds: $margin_s}), datetime('1970-01-01T00:00:00Z'))
       AS since
MATCH (n:Notification)
WHERE n.created_at >= since AND n.planned_at IS NULL
WITH n ORDER BY n.created_at, n.id LIMIT $limit
MATCH (n)-[:FOR]->(p:Person)
SET n.planned_at = $now
WITH collect({notification: n, person: p}) AS batch, max(n.created_at) AS newest
CALL (batch) {
  UNWIND batch AS item
  WITH item.notification AS n, item.person AS p
  UNWIND $channels AS channel
  OPTIONAL MATCH (p)-[:PREFERS]->(pref:NotificationPreference {kind: n.kind, channel: channel})
  WITH n, p, channel,
       coalesce(pref.mode, CASE WHEN n.kind IN $instant_kinds THEN 'instant' ELSE 'digest' END)
         AS mode,
       CASE channel WHEN 'email' THEN p.email WHEN 'slack' THEN p.slack_id
                    WHEN 'teams' THEN p.teams_id END AS address
  WHERE mode <> 'off' AND trim(coalesce(address, '')) <> '' AND p.active
  MERGE (d:Delivery {key: n.id + ':' + channel})
    ON CREATE SET d.channel = channel, d.address = trim(address), d.kind = n.kind,
                  d.person_id = p.id, d.notification_id = n.id, d.created_at = $now,
                  d.attempts = 0, d.errors = [],
                  d.status = CASE mode WHEN 'instant' THEN 'pending' ELSE 'digest' END,
                  d.due_at = CASE mode WHEN 'instant' THEN $now ELSE null END
  MERGE (d)-[:OF]->(n)
  RETURN count(d) AS planned
}
CALL (newest) {
  WITH newest WHERE newest IS NOT NULL
  MERGE (cursor:DeliveryCursor {id: 'plan'})
  SET cursor.at = CASE WHEN cursor.at IS NULL OR newest > cursor.at THEN newest
                       ELSE cursor.at END
}
RETURN size(batch) AS notifications, planned
