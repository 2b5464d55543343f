// Who worked with whom: every engagement active in [start, end) (not cancelled) as a helper ->
// gig owner pair, with the helper's department, the owner's own department and the gig's
// department, counted per pair. Kept when the helper's or the gig's department is in the scope
// (the department and its sub-departments; everything when department_id is null). networkx turns
// these rows into the collaboration graphs (resolvers/collaboration.py).
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (helper:Person)-[:ENGAGED_IN]->(e:Engagement)-[:ON]->(g:Gig)
WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
  AND (e.completed_at IS NULL OR e.completed_at >= $start)
MATCH (helper)-[:MEMBER_OF]->(hd:Department)
MATCH (g)-[:FOR_DEPARTMENT]->(gd:Department)
MATCH (g)-[:OWNED_BY]->(owner:Person)
WHERE $department_id IS NULL
   OR EXISTS { (hd)-[:PART_OF*0..]->(:Department {id: $department_id}) }
   OR EXISTS { (gd)-[:PART_OF*0..]->(:Department {id: $department_id}) }
OPTIONAL MATCH (owner)-[:MEMBER_OF]->(od:Department)
RETURN helper.id AS helper_id, helper.name AS helper_name,
       hd.id AS helper_department_id, hd.name AS helper_department_name,
       owner.id AS owner_id, owner.name AS owner_name,
       coalesce(od.id, gd.id) AS owner_department_id,
       coalesce(od.name, gd.name) AS owner_department_name,
       gd.id AS gig_department_id, gd.name AS gig_department_name,
       count(e) AS engagements
