// Every skill's names and flags: what the in-memory skill search index is built from.
MATCH (s:Skill)
RETURN s.id AS id, s.label AS label, coalesce(s.aliases, []) AS aliases,
       coalesce(s.is_group, false) AS is_group, coalesce(s.deprecated, false) AS deprecated
ORDER BY id
