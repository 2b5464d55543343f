// A person missing from a full export is marked inactive, never deleted: their history stays.
// :param ids => ['P1', 'P2']
MATCH (p:Person)
WHERE p.active AND NOT p.id IN $ids
SET p.active = false, p.deactivated_at = datetime()
RETURN count(p) AS deactivated
