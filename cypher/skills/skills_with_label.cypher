// Skills other than `id` whose label is `label`, in any case (a custom skill's label must be new).
// :param label => 'Forge'
// :param id => 'acme-forge'
MATCH (s:Skill {label_key: toLower(trim($label))})
WHERE s.id <> $id
RETURN s {.*} AS skill
