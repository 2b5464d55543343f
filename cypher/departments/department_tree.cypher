// Every department with its name and parent, in one row: the tree an import's references and
// cycle check are held against, and that the pulse results fold small departments up through.
MATCH (d:Department)
OPTIONAL MATCH (d)-[:PART_OF]->(parent:Department)
RETURN collect(d {.id, .name, parent_id: parent.id}) AS departments
