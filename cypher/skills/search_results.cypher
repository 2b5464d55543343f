// The skills a search found (ids from the in-memory index), with how many people hold each: the
// tie-break between equally good matches. The count is the HAS_SKILL degree (read from the
// node, no expansion), inactive people included.
// :param ids => ['ccd0a1d9-afda-43d9-b901-96344886e14d']
UNWIND $ids AS id
MATCH (s:Skill {id: id})
USING INDEX s:Skill(id)
RETURN id, s {.*} AS skill, COUNT { (s)<-[:HAS_SKILL]-() } AS holders
