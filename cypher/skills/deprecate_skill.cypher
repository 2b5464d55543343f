// Marks a skill deprecated: kept on profiles and gigs, last in search, no longer declarable.
// :param id => 'acme-forge'
MATCH (s:Skill {id: $id})
SET s.deprecated = true
RETURN s {.*} AS skill
