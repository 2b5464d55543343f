// Who worked with whom: every engagement active in [start, end) (not cancelled) as a helper ->
// gig owner pair, with the helper's department, the owner's own department and the gig's
// department, counted per pair. Kept when the helper's or the gig's department is in the scope
// (the department and its sub-departments; everything when department_id is null). networkx turns
// these rows into the collaboration graphs (resolvers/collaboration.py); ids only, as names are
// looked up for the few brokers shown (analytics/names_by_ids).
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (hd:Department)<-[:MEMBER_OF]-(helper:Person)-[:ENGAGED_IN]->(e:Engagement)
      -[:ON]->(g:Gig)-[:FOR_DEPARTMENT]->(gd:Department)
WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
  AND (e.completed_at IS NULL OR e.completed_at >= $start)
  AND ($department_id IS NULL
       OR EXISTS { (hd)-[:PART_OF*0..]->(:Department {id: $department_id}) }
       OR EXISTS { (gd)-[:PART_OF*0..]->(:Department {id: $department_id}) })
MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (owner)-[:MEMBER_OF]->(od:Department)
RETURN helper.id AS helper_id, hd.id AS helper_department_id, owner.id AS owner_id,
       coalesce(od.id, gd.id) AS owner_department_id, gd.id AS gig_department_id,
       count(e) AS engagements
