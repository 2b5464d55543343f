// Filled gigs whose start date has come (or that have none) are under way: in progress from now.
// Idempotent: a second run the same day finds nothing left to start.
// :param sources => ['filled']
// :param target => 'in_progress'
// :param today => date('2026-12-01')
// :param now => datetime('2026-12-01T06:00:00Z')
MATCH (g:Gig)
WHERE g.status IN $sources AND (g.start_date IS NULL OR g.start_date <= $today)
WITH g, g.status AS before
SET g.status = $target, g.started_at = $now
RETURN g {.*} AS gig, before
ORDER BY g.id
