// Every skill's names, flags and description: what the in-memory skill search index and the
// suggester are built from.
MATCH (s:Skill)
RETURN s.id AS id, s.label AS label, coalesce(s.aliases, []) AS aliases,
       coalesce(s.is_group, false) AS is_group, coalesce(s.deprecated, false) AS deprecated,
       coalesce(s.description, '') AS description
ORDER BY id
