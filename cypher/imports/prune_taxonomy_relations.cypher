// Removes hierarchy and adjacency links between taxonomy skills that the taxonomy imported last
// (fingerprint `stamp`) no longer has. Links from an organisation's custom skills stay. Bumps the
// SkillNamesVersion (the suggester is built with the links).
// :param stamp => 'a1b2c3d4e5f60718'
MATCH (:Skill {source: 'taxonomy'})-[r:BROADER|RELATED_TO]->(:Skill {source: 'taxonomy'})
WHERE r.taxonomy_import IS NULL OR r.taxonomy_import <> $stamp
DELETE r
WITH count(r) AS removed
MERGE (version:SkillNamesVersion {id: 'skills'})
SET version.version = randomUUID()
RETURN removed
