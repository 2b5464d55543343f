// Updates the profile fields a person may change themselves; a null leaves a field as it is.
// :param id => 'P1'
// :param title => 'Senior analyst'
// :param location => null
// :param weekly_hours => 32.0
// :param gig_capacity_pct => null
MATCH (p:Person {id: $id})
SET p.title = coalesce($title, p.title),
    p.location = coalesce($location, p.location),
    p.weekly_hours = coalesce($weekly_hours, p.weekly_hours),
    p.gig_capacity_pct = coalesce($gig_capacity_pct, p.gig_capacity_pct)
RETURN p {.*} AS person
