// A page of skills in id order after a keyset cursor (the last id seen); deprecated ones only
// when asked for. One row: the page as a list (`page`) and, when $with_total, how many skills
// there are over all pages (`total`, else null): the connection's totalCount in the same round
// trip.
// :param after => ''
// :param limit => 11
// :param include_deprecated => false
// :param with_total => true
CALL () {
  MATCH (s:Skill)
  WHERE s.id > $after AND ($include_deprecated OR NOT coalesce(s.deprecated, false))
  WITH s
  ORDER BY s.id
  LIMIT $limit
  RETURN collect(s {.*}) AS page
}
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (s:Skill)
  WHERE $include_deprecated OR NOT coalesce(s.deprecated, false)
  RETURN count(s) AS total
}
RETURN page, CASE WHEN $with_total THEN total END AS total
