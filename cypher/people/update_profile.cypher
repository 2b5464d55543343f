// Updates the profile fields a person may change themselves; a null leaves a field as it is.
// The weekly gig capacity (`gig_capacity_hours`, what matching seeks people by) follows the hours
// and the share.
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
SET p.gig_capacity_hours = coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0
RETURN p {.*} AS person
