// Every skill's id, label and lower-case names (label and aliases): what an import resolves the
// skills its files name against.
MATCH (s:Skill)
RETURN s.id AS id, s.label AS label, s.names AS names, s.deprecated AS deprecated,
       coalesce(s.custom, false) AS custom
