// Every department, by name.
MATCH (d:Department)
RETURN d {.*} AS department
ORDER BY d.name, d.id
