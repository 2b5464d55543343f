// The deliveries of a person's notifications, newest first: what was sent where, attempts, errors.
// :param person_id => 'P1'
MATCH (d:Delivery {person_id: $person_id})
RETURN d {.*} AS delivery
ORDER BY d.created_at DESC, d.key
