// The skill a name denotes: its id, its label, or one of its aliases, in any case. An exact id or
// label wins over an alias; live skills come before deprecated ones.
// :param value => 'Python'
WITH $value AS name, toLower(trim($value)) AS key
MATCH (s:Skill)
WHERE s.id = name OR s.label_key = key OR key IN s.names
RETURN s {.*} AS skill,
       CASE WHEN s.id = name THEN 0 WHEN s.label_key = key THEN 1 ELSE 2 END AS rank
ORDER BY rank, s.deprecated, s.label
