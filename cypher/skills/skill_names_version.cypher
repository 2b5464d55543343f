// The version of the skills' names: it changes whenever skills are imported, added or deprecated,
// so the service knows when to rebuild its in-memory search index (null in a graph without one).
OPTIONAL MATCH (version:SkillNamesVersion {id: 'skills'})
RETURN version.version AS version
