// Ends an active engagement early: its hours stop counting against the person's capacity and its
// seat is free again (the gig's status is the owner's to change).
// :param id => 'E1'
// :param reason => 'Priorities changed'
// :param now => datetime('2026-11-20T09:00:00Z')
MATCH (e:Engagement {id: $id})
SET e.status = 'cancelled',
    e.cancelled_at = $now,
    e.cancellation_reason = $reason
RETURN e.id AS id
