// Changes a gig's fields: only the keys present in $fields (never null) are set.
// :param id => 'G1'
// :param fields => {title: 'Churn dashboard v2', hours_per_week: 6.0}
MATCH (g:Gig {id: $id})
SET g += $fields
RETURN g {.*} AS gig
