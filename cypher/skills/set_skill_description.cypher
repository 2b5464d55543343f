// Sets a skill's description.
// :param id => 'acme-forge'
// :param description => 'Our internal CI system'
MATCH (s:Skill {id: $id})
SET s.description = $description
RETURN s {.*} AS skill
