// Every node and relationship with its properties: what "an import changed nothing" is checked
// against (the skill search index's SkillNamesVersion aside). Meant for small graphs (tests, spot
// checks in Neo4j Browser).
CALL () {
  MATCH (n)
  WHERE NOT n:SkillNamesVersion
  RETURN collect([labels(n), properties(n)]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships
}
RETURN nodes, relationships
