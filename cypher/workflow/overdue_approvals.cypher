// Approvals nobody answered within the timeout (counted from the request, or from the escalation),
// locked so a manager deciding at the same moment and this run serialise. Run once to lock and
// again to read what is still overdue.
// :param now => datetime('2026-11-10T09:00:00Z')
// :param timeout_days => 5
MATCH (p:Person)-[:APPLIED]->(a:Application {state: 'shortlisted'})-[:TO]->(g:Gig)
WHERE a.approval_state IN ['pending', 'escalated']
  AND coalesce(a.escalated_at, a.approval_requested_at) + duration({days: $timeout_days}) <= $now
SET a._lock = true
REMOVE a._lock
WITH a ORDER BY a.approval_requested_at, a.id
RETURN a.id AS id
