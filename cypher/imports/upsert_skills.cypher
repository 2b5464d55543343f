// Creates or updates taxonomy skills; a re-import revives a skill that was deprecated. `stamp`
// fingerprints the taxonomy being imported, so skills it no longer holds can be deprecated.
// The SkillNamesVersion node changes with every write of skill names: the service's in-memory
// skill search index rebuilds when it does.
// :param stamp => 'a1b2c3d4e5f60718'
// :param rows => [{id: 'esco-1', label: 'Python', aliases: ['python programming'], type: 'knowledge', group: 'ICT', description: '', is_group: false, generic: false, commodity: '', hot_technology: false}]
UNWIND $rows AS row
MERGE (s:Skill {id: row.id})
SET s.label = row.label,
    s.label_key = toLower(row.label),
    s.aliases = row.aliases,
    s.alias_text = reduce(text = '', alias IN row.aliases | text + alias + ' | '),
    s.names = [toLower(row.label)] + [alias IN row.aliases | toLower(alias)],
    s.type = row.type,
    s.group = row.group,
    s.description = row.description,
    s.is_group = row.is_group,
    s.generic = row.generic,
    s.commodity = row.commodity,
    s.hot_technology = row.hot_technology,
    s.source = 'taxonomy',
    s.custom = false,
    s.deprecated = false,
    s.taxonomy_import = $stamp
WITH count(*) AS written
MERGE (version:SkillNamesVersion {id: 'skills'})
SET version.version = randomUUID()
