// A delivery the server accepted: sent, never due again; a digest marks what it carried as sent.
// :param key => 'n1:email'
// :param now => datetime('2026-11-01T09:00:00Z')
MATCH (d:Delivery {key: $key})
SET d.status = 'sent', d.sent_at = $now, d.due_at = null
WITH d
OPTIONAL MATCH (d)-[:INCLUDES]->(item:Delivery)
SET item.status = 'sent', item.sent_at = $now
RETURN d.key AS key
