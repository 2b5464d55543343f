// Skills whose label or aliases match a full-text query, best first; deprecated skills last.
// :param query => 'python~'
// :param first => 10
CALL db.index.fulltext.queryNodes('skill_names', $query) YIELD node, score
RETURN node {.*} AS skill, score
ORDER BY node.deprecated, score DESC, node.label
LIMIT $first
