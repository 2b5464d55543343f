// The department an analytics request is scoped to (with its sub-departments, through PART_OF);
// no row when the id is unknown.
// :param department_id => 'D1'
MATCH (root:Department {id: $department_id})
RETURN root.id AS id, root.name AS name
