// Deliveries whose last allowed attempt was claimed by a worker that never reported back (it was
// stopped while sending): recorded as failed, since the message may or may not have left.
// :param now => datetime('2026-11-01T09:00:00Z')
// :param max_attempts => 5
MATCH (d:Delivery)
WHERE d.due_at <= $now AND d.attempts >= $max_attempts AND d.status = 'sending'
SET d.status = 'failed', d.due_at = null, d.failed_at = $now,
    d.failed_reason = 'gave up after ' + toString(d.attempts)
      + ' attempts; the worker stopped during the last one: ' + coalesce(d.last_error, 'no error recorded')
RETURN count(d) AS failed
