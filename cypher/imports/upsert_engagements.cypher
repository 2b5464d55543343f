// People's work on gigs. Historic ones carry their outcome and the application that led to them,
// with its manager approval, so imported history reads like history the workflow made.
// :param rows => [{id: 'E1', gig_id: 'G1', person_id: 'P2', status: 'completed', hours_per_week: 4.0, started_at: datetime('2026-01-05T09:00:00Z'), completed_at: datetime('2026-02-16T17:00:00Z'), hours_worked: 24.0, rating: 5, feedback: 'Great work', approver_id: 'P9', approval_requested_at: datetime('2025-12-29T09:00:00Z'), approval_decided_at: datetime('2025-12-30T11:00:00Z')}]
UNWIND $rows AS row
MATCH (g:Gig {id: row.gig_id})
MATCH (p:Person {id: row.person_id})
MERGE (e:Engagement {id: row.id})
SET e.status = row.status,
    e.hours_per_week = row.hours_per_week,
    e.started_at = row.started_at,
    e.completed_at = row.completed_at,
    e.hours_worked = row.hours_worked,
    e.rating = row.rating,
    e.feedback = row.feedback,
    e.approver_id = row.approver_id,
    e.approval_requested_at = row.approval_requested_at,
    e.approval_decided_at = row.approval_decided_at
MERGE (p)-[:ENGAGED_IN]->(e)
MERGE (e)-[:ON]->(g)
MERGE (a:Application {id: 'A-' + row.id})
SET a.state = 'accepted',
    a.origin = 'application',
    a.created_at = coalesce(row.approval_requested_at, row.started_at),
    a.updated_at = coalesce(row.started_at, row.approval_decided_at),
    a.approval_state = CASE WHEN row.approver_id IS NULL THEN 'not_needed' ELSE 'approved' END,
    a.approver_id = row.approver_id,
    a.approval_requested_at = row.approval_requested_at,
    a.approval_decided_at = row.approval_decided_at
MERGE (p)-[:APPLIED]->(a)
MERGE (a)-[:TO]->(g)
MERGE (a)-[:RESULTED_IN]->(e)
