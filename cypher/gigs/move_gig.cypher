// Moves a gig to another department.
// :param id => 'G1'
// :param department_id => 'D2'
MATCH (g:Gig {id: $id})-[old:FOR_DEPARTMENT]->(:Department)
MATCH (d:Department {id: $department_id})
DELETE old
MERGE (g)-[:FOR_DEPARTMENT]->(d)
RETURN d.id AS department_id
