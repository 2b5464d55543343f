// Who worked with whom: every engagement active in [start, end) (not cancelled) as a helper ->
// gig owner pair, with the helper's department, the owner's own department and the gig's
// department, counted per pair. Kept when the helper's or the gig's department is in the scope
// (the department and its sub-departments; everything when department_id is null).
// With `level` set, each department is rolled up to its ancestor at that depth of the tree
// (0 = the top-level departments; a shallower department stays itself), so collaboration can be
// read between functions rather than between teams; null keeps the departments people are in.
// networkx turns these rows into the collaboration graphs (resolvers/collaboration.py); ids
// only, as names are looked up for the few brokers shown (analytics/names_by_ids). One row, the
// pairs in a list: thousands of rows cost the driver far more than one list of them.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
// :param level => null
MATCH (hd:Department)<-[:MEMBER_OF]-(helper:Person)-[:ENGAGED_IN]->(e:Engagement)
      -[:ON]->(g:Gig)-[:FOR_DEPARTMENT]->(gd:Department)
WHERE e.status <> 'cancelled' AND coalesce(e.started_at, $start) < $end
  AND (e.completed_at IS NULL OR e.completed_at >= $start)
  AND ($department_id IS NULL
       OR EXISTS { (hd)-[:PART_OF*0..]->(:Department {id: $department_id}) }
       OR EXISTS { (gd)-[:PART_OF*0..]->(:Department {id: $department_id}) })
MATCH (g)-[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (owner)-[:MEMBER_OF]->(od:Department)
WITH helper, owner, hd, gd, coalesce(od, gd) AS od, count(e) AS engagements
OPTIONAL MATCH up_h = (hd)-[:PART_OF*0..]->(top_h:Department)
  WHERE $level IS NOT NULL AND NOT (top_h)-[:PART_OF]->()
OPTIONAL MATCH up_g = (gd)-[:PART_OF*0..]->(top_g:Department)
  WHERE $level IS NOT NULL AND NOT (top_g)-[:PART_OF]->()
OPTIONAL MATCH up_o = (od)-[:PART_OF*0..]->(top_o:Department)
  WHERE $level IS NOT NULL AND NOT (top_o)-[:PART_OF]->()
WITH helper, owner, engagements,
     CASE WHEN up_h IS NULL OR length(up_h) < $level THEN hd
          ELSE nodes(up_h)[length(up_h) - $level] END AS helper_unit,
     CASE WHEN up_g IS NULL OR length(up_g) < $level THEN gd
          ELSE nodes(up_g)[length(up_g) - $level] END AS gig_unit,
     CASE WHEN up_o IS NULL OR length(up_o) < $level THEN od
          ELSE nodes(up_o)[length(up_o) - $level] END AS owner_unit
WITH helper, owner, helper_unit, gig_unit, owner_unit, sum(engagements) AS engagements
RETURN collect({helper_id: helper.id, helper_department_id: helper_unit.id, owner_id: owner.id,
                owner_department_id: owner_unit.id, gig_department_id: gig_unit.id,
                engagements: engagements}) AS pairs
