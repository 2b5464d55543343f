// A page of skills whose label or aliases match a Lucene full-text query, best first; deprecated
// last. The search before the in-memory index: kept as the benchmarks' baseline.
// :param query => '(pyth* OR pyth~)'
// :param skip => 0
// :param limit => 11
CALL db.index.fulltext.queryNodes('skill_names', $query) YIELD node, score
RETURN node {.*} AS skill
ORDER BY node.deprecated, score DESC, node.label, node.id
SKIP $skip
LIMIT $limit
