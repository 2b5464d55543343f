// A page of skills in id order after a keyset cursor (the last id seen); deprecated ones only
// when asked for. One row: the page as a list (`page`).
// :param after => ''
// :param limit => 11
// :param include_deprecated => false
MATCH (s:Skill)
WHERE s.id > $after AND ($include_deprecated OR NOT coalesce(s.deprecated, false))
WITH s
ORDER BY s.id
LIMIT $limit
RETURN collect(s {.*}) AS page
