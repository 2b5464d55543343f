// Marks a skill deprecated: kept on profiles and gigs, last in search, no longer declarable; bumps
// the SkillNamesVersion the skill search index follows.
// :param id => 'acme-forge'
MATCH (s:Skill {id: $id})
SET s.deprecated = true
MERGE (version:SkillNamesVersion {id: 'skills'})
SET version.version = randomUUID()
RETURN s {.*} AS skill
