// Creates or updates gigs with their owner and department (re-pointed only when they change).
// :param rows => [{id: 'G1', title: 'Churn dashboard', description: '', type: 'project', owner_id: 'P1', department_id: 'D1', hours_per_week: 4.0, duration_weeks: 6, start_date: date('2026-01-05'), seats: 1, status: 'open', external_hourly_rate: 95.0, created_at: datetime(), published_at: datetime(), filled_at: null, completed_at: null, location: 'Leeds', remote: false, application_deadline: date('2026-01-01')}]
UNWIND $rows AS row
MATCH (owner:Person {id: row.owner_id})
MATCH (d:Department {id: row.department_id})
MERGE (g:Gig {id: row.id})
SET g.title = row.title,
    g.description = row.description,
    g.type = row.type,
    g.hours_per_week = row.hours_per_week,
    g.duration_weeks = row.duration_weeks,
    g.start_date = row.start_date,
    g.seats = row.seats,
    g.status = row.status,
    g.external_hourly_rate = row.external_hourly_rate,
    g.location = row.location,
    g.remote = row.remote,
    g.application_deadline = row.application_deadline,
    g.created_at = coalesce(row.created_at, g.created_at, datetime()),
    g.published_at = coalesce(row.published_at, g.published_at),
    g.filled_at = coalesce(row.filled_at, g.filled_at),
    g.completed_at = coalesce(row.completed_at, g.completed_at)
WITH g, owner, d
OPTIONAL MATCH (g)-[old_owner:OWNED_BY]->(previous_owner)
WHERE previous_owner <> owner
DELETE old_owner
WITH DISTINCT g, owner, d
OPTIONAL MATCH (g)-[old_department:FOR_DEPARTMENT]->(previous_department)
WHERE previous_department <> d
DELETE old_department
WITH DISTINCT g, owner, d
MERGE (g)-[:OWNED_BY]->(owner)
MERGE (g)-[:FOR_DEPARTMENT]->(d)
