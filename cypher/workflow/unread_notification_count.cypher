// How many notifications a person has not read yet.
// :param person_id => 'P9'
MATCH (n:Notification)-[:FOR]->(:Person {id: $person_id})
WHERE n.read_at IS NULL
RETURN count(n) AS unread
