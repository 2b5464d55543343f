// How many skills there are (the same filter as skills/skills_page).
// :param include_deprecated => false
MATCH (s:Skill)
WHERE $include_deprecated OR NOT coalesce(s.deprecated, false)
RETURN count(s) AS total
