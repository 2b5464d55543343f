// Applies checked changes (state, approval fields, reasons) to applications; the resolver decides
// them against the transition table and the approval policy.
// :param rows => [{id: 'A1', changes: {state: 'shortlisted', approval_state: 'pending', approver_id: 'P9', approval_requested_at: datetime('2026-11-01T09:00:00Z')}}]
// :param now => datetime('2026-11-01T09:00:00Z')
UNWIND $rows AS row
MATCH (a:Application {id: row.id})
SET a += row.changes,
    a.updated_at = $now
RETURN a.id AS id
