// Who a full people export would mark inactive: how many people are active now, how many of them
// the export lacks, and the first of those by name.
// :param ids => ['P1', 'P2']
// :param shown => 20
MATCH (p:Person)
WHERE p.active
WITH p ORDER BY p.name, p.id
WITH count(p) AS active,
     collect(CASE WHEN NOT p.id IN $ids THEN {id: p.id, name: p.name} END) AS missing
RETURN active, size(missing) AS missing, missing[..$shown] AS first
