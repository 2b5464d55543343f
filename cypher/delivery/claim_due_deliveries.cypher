// Claims up to $limit deliveries that are due (new, retried after their backoff, or abandoned by
// a worker whose lease ran out) for one attempt by $worker: each is locked, re-checked, counted
// as an attempt and leased until $lease_until, so concurrent workers never claim the same one.
// :param now => datetime('2026-11-01T09:00:00Z')
// :param lease_until => datetime('2026-11-01T09:02:00Z')
// :param limit => 200
// :param max_attempts => 5
// :param worker => 'worker-1'
MATCH (d:Delivery)
WHERE d.due_at <= $now AND d.attempts < $max_attempts
WITH d ORDER BY d.due_at LIMIT $limit
SET d.claimed_by = $worker
WITH d
WHERE d.due_at <= $now AND d.attempts < $max_attempts AND d.status IN ['pending', 'sending']
SET d.status = 'sending', d.attempts = d.attempts + 1, d.claimed_at = $now,
    d.due_at = $lease_until
RETURN d.key AS key
