// Marks deprecated the taxonomy skills that the taxonomy imported last (fingerprint `stamp`) no
// longer holds. They are never deleted: people's and gigs' edges to them stay. Bumps the
// SkillNamesVersion the skill search index follows.
// :param stamp => 'a1b2c3d4e5f60718'
CALL () {
  MATCH (s:Skill {source: 'taxonomy'})
  WHERE s.taxonomy_import <> $stamp AND NOT s.deprecated
  SET s.deprecated = true, s.deprecated_at = datetime()
  RETURN count(s) AS deprecated
}
MERGE (version:SkillNamesVersion {id: 'skills'})
SET version.version = randomUUID()
RETURN deprecated
