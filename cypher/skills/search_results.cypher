// What a search shows: the skills it found (ids from the in-memory index), `$limit` at most. The
// matches equally good up to the last one shown (`$ids`, in the order of the search, each with
// the rank of how good it is, `$buckets`) are ordered by how many people hold them (the
// HAS_SKILL degree, read from the node, no expansion; inactive people included), then as the
// search gave them; only the shown ones are read whole. `$then_ids`: the matches after them, when
// the equally good ones are fewer than `$limit`. `version`: the version of the skills' names
// (SkillNamesVersion), so that the service learns in the same round trip whether its index is
// still the graph's.
// :param ids => ['ccd0a1d9-afda-43d9-b901-96344886e14d']
// :param buckets => [0]
// :param then_ids => []
// :param limit => 10
CALL () {
  UNWIND range(0, size($ids) - 1) AS i
  MATCH (s:Skill {id: $ids[i]})
  USING INDEX s:Skill(id)
  WITH i, s, COUNT { (s)<-[:HAS_SKILL]-() } AS holders
  ORDER BY $buckets[i], holders DESC, i
  LIMIT $limit
  RETURN collect(s {.*}) AS shown
}
CALL () {
  UNWIND $then_ids AS id
  MATCH (s:Skill {id: id})
  USING INDEX s:Skill(id)
  RETURN collect(s {.*}) AS following
}
OPTIONAL MATCH (version:SkillNamesVersion {id: 'skills'})
RETURN shown, following, version.version AS version
