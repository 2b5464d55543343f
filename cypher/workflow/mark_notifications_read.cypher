// Marks a person's notifications read: those named, or all of them when $ids is null.
// :param person_id => 'P9'
// :param ids => null
// :param now => datetime('2026-11-01T09:00:00Z')
MATCH (n:Notification)-[:FOR]->(:Person {id: $person_id})
WHERE n.read_at IS NULL AND ($ids IS NULL OR n.id IN $ids)
SET n.read_at = $now
RETURN count(n) AS marked
