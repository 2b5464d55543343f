// Creates or updates people and their department; anyone in an export is active. A chat address
// the export leaves empty keeps the one the person set on their profile. `email_key` is the
// lower-cased email: unique, how a sign-in finds the person. `gig_capacity_hours` (weekly_hours ×
// gig_capacity_pct / 100) is what matching seeks people by when a gig asks for many hours.
// :param rows => [{id: 'P1', name: 'Ada Lovelace', email: 'ada@example.org', department_id: 'D1', title: 'Analyst', location: 'London', weekly_hours: 40.0, gig_capacity_pct: 20.0, slack_id: 'U024BE7LH', teams_id: null}]
UNWIND $rows AS row
MATCH (d:Department {id: row.department_id})
MERGE (p:Person {id: row.id})
SET p.name = row.name,
    p.email = row.email,
    p.email_key = toLower(row.email),
    p.title = row.title,
    p.location = row.location,
    p.weekly_hours = row.weekly_hours,
    p.gig_capacity_pct = row.gig_capacity_pct,
    p.gig_capacity_hours = coalesce(row.weekly_hours, 0.0) * coalesce(row.gig_capacity_pct, 0.0)
                           / 100.0,
    p.slack_id = coalesce(row.slack_id, p.slack_id),
    p.teams_id = coalesce(row.teams_id, p.teams_id),
    p.active = true,
    p.deactivated_at = null
WITH p, d
OPTIONAL MATCH (p)-[old:MEMBER_OF]->(other:Department) WHERE other <> d
DELETE old
MERGE (p)-[:MEMBER_OF]->(d)
