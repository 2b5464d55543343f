// Skills held by someone but without a holder digest (graphs from before digests existed):
// graph.migrate writes theirs. Matching reads a skill without one as held by nobody.
MATCH (s:Skill)
WHERE EXISTS { (s)<-[:HAS_SKILL]-(:Person) }
  AND NOT EXISTS { MATCH (digest:HolderDigest {skill_id: s.id}) }
RETURN collect(s.id) AS ids
