// Every department, by name, with its parent (a tree drawn from this list needs no other query);
// with $max_depth, only those at most that many levels below the top (0: the top-level ones), so
// a menu of the top of the tree does not carry the whole organisation.
// One row, the list (`departments`): a row per department costs the driver more than the rest of
// the request (2,000 departments: ~75 ms of client CPU as rows, ~8 ms as one list).
// :param max_depth => null
MATCH (d:Department)
WHERE $max_depth IS NULL OR COUNT { (d)-[:PART_OF]->+(:Department) } <= $max_depth
WITH d
ORDER BY d.name, d.id
RETURN collect(d {.*, parent: [(d)-[:PART_OF]->(parent:Department) | parent {.*}][0]})
       AS departments
