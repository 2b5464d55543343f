// How many gigs match a filter (the same filter as gigs/gigs_page).
// Where to start (the first branch whose condition holds; the WHERE after the CALL is the whole
// filter, so the start only decides what is read): the owner's gigs, else the skill's, else the
// department's subtree's, else every gig (statuses and type have no index that beats reading
// every OWNED_BY relationship once). Only one branch reads anything, so UNION ALL repeats no gig.
// :param viewer_id => 'P1'
// :param sees_all_drafts => false
// :param statuses => ['open']
// :param type => null
// :param department_id => null
// :param skill_id => null
// :param owner_id => null
CALL () {
  MATCH (owner:Person {id: $owner_id})<-[:OWNED_BY]-(g:Gig)
  RETURN g, owner
  UNION ALL
  WITH $owner_id IS NULL AS chosen WHERE chosen
  MATCH (:Skill {id: $skill_id})<-[:REQUIRES]-(g:Gig)-[:OWNED_BY]->(owner:Person)
  RETURN DISTINCT g, owner
  UNION ALL
  WITH $owner_id IS NULL AND $skill_id IS NULL AS chosen WHERE chosen
  MATCH (:Department {id: $department_id})<-[:PART_OF*0..]-(:Department)
        <-[:FOR_DEPARTMENT]-(g:Gig)-[:OWNED_BY]->(owner:Person)
  RETURN DISTINCT g, owner
  UNION ALL
  WITH $owner_id IS NULL AND $skill_id IS NULL AND $department_id IS NULL AS chosen WHERE chosen
  MATCH (g:Gig)-[owns:OWNED_BY]->(owner:Person)
  USING SCAN owns:OWNED_BY
  RETURN g, owner
}
WITH g, owner
WHERE (NOT (g.status = 'draft' OR (g.status = 'cancelled' AND g.published_at IS NULL))
       OR $sees_all_drafts OR owner.id = $viewer_id)
  AND ($statuses IS NULL OR g.status IN $statuses)
  AND ($type IS NULL OR g.type = $type)
  AND ($owner_id IS NULL OR owner.id = $owner_id)
  AND ($department_id IS NULL
       OR EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  AND ($skill_id IS NULL OR EXISTS { (g)-[:REQUIRES]->(:Skill {id: $skill_id}) })
RETURN count(g) AS total
