// A person's notifications, newest first; only unread ones, or only those since a moment, on demand.
// :param person_id => 'P9'
// :param unread_only => false
// :param since => null
// :param first => 20
MATCH (n:Notification)-[:FOR]->(:Person {id: $person_id})
WHERE (NOT $unread_only OR n.read_at IS NULL)
  AND ($since IS NULL OR n.created_at >= $since)
RETURN n {.*} AS notification
ORDER BY n.created_at DESC, n.id
LIMIT $first
