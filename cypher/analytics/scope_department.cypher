// The department an analytics request is scoped to, with how many sub-departments it includes
// (through PART_OF, at any depth); no row when the id is unknown.
// :param department_id => 'D1'
MATCH (root:Department {id: $department_id})
RETURN root.id AS id, root.name AS name,
       COUNT { (:Department)-[:PART_OF*1..]->(root) } AS sub_departments
