// How many skills match a full-text query (the same query as skills/search_skills).
// :param query => '(pyth* OR pyth~)'
CALL db.index.fulltext.queryNodes('skill_names', $query) YIELD node
RETURN count(node) AS total
