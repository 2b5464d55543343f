// Active people with an e-mail address, in id order: whom the delivery benchmark notifies.
// :param limit => 10000
MATCH (p:Person)
WHERE p.active AND p.email IS NOT NULL
RETURN p.id AS id
ORDER BY id
LIMIT $limit
