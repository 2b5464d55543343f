// Every department with its parent: what an import's references and cycle check are held against.
MATCH (d:Department)
OPTIONAL MATCH (d)-[:PART_OF]->(parent:Department)
RETURN d.id AS id, parent.id AS parent_id
