// Every department, by name, with its parent (a tree drawn from this list needs no other query).
MATCH (d:Department)
RETURN d {.*, parent: [(d)-[:PART_OF]->(parent:Department) | parent {.*}][0]} AS department
ORDER BY d.name, d.id
