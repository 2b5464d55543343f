// The applications and invitations of one person, most recently changed first.
// :param person_id => 'P2'
MATCH (:Person {id: $person_id})-[:APPLIED]->(a:Application)
RETURN a.id AS id
ORDER BY a.updated_at DESC, a.id
