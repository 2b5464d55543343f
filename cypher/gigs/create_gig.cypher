// Creates a draft gig owned by a person, in a department; fails on a duplicate id.
// :param gig => {id: 'G9', title: 'Churn dashboard', description: '', type: 'project', hours_per_week: 4.0, duration_weeks: 6, start_date: date('2026-12-01'), seats: 1, external_hourly_rate: 90.0}
// :param owner_id => 'P1'
// :param department_id => 'D1'
MATCH (owner:Person {id: $owner_id})
MATCH (d:Department {id: $department_id})
CREATE (g:Gig)
SET g = $gig, g.status = 'draft', g.created_at = datetime()
CREATE (g)-[:OWNED_BY]->(owner)
CREATE (g)-[:FOR_DEPARTMENT]->(d)
RETURN g {.*} AS gig
