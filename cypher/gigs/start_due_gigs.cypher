// Filled gigs whose start date has come (or that have none) are under way: in progress from now.
// Idempotent: a second run the same day finds nothing left to start.
// :param today => date('2026-12-01')
// :param now => datetime('2026-12-01T06:00:00Z')
MATCH (g:Gig {status: 'filled'})
WHERE g.start_date IS NULL OR g.start_date <= $today
SET g.status = 'in_progress', g.started_at = $now
RETURN g {.*} AS gig
ORDER BY g.id
