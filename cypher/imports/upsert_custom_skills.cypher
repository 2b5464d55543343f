// Creates or updates an organisation's own skills, flagged custom, optionally under a broader skill
// (a step that counts as adjacency); bumps the SkillNamesVersion the skill search index follows.
// :param rows => [{id: 'acme-forge', label: 'Forge (internal CI)', aliases: ['forge'], broader_id: null}]
UNWIND $rows AS row
MERGE (s:Skill {id: row.id})
SET s.label = row.label,
    s.label_key = toLower(row.label),
    s.aliases = row.aliases,
    s.alias_text = reduce(text = '', alias IN row.aliases | text + alias + ' | '),
    s.names = [toLower(row.label)] + [alias IN row.aliases | toLower(alias)],
    s.type = coalesce(s.type, 'custom'),
    s.group = coalesce(s.group, ''),
    s.description = coalesce(s.description, ''),
    s.is_group = false,
    s.generic = false,
    s.source = 'custom',
    s.custom = true,
    s.deprecated = false
WITH s, row
OPTIONAL MATCH (s)-[old:BROADER]->()
DELETE old
WITH DISTINCT s, row
OPTIONAL MATCH (parent:Skill {id: row.broader_id})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END |
  MERGE (s)-[b:BROADER]->(parent) SET b.adjacent = true)
WITH count(*) AS written
MERGE (version:SkillNamesVersion {id: 'skills'})
SET version.version = randomUUID()
