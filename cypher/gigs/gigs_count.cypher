// How many gigs match a filter (the same filter as gigs/gigs_page).
// :param viewer_id => 'P1'
// :param sees_all_drafts => false
// :param statuses => ['open']
// :param type => null
// :param department_id => null
// :param skill_id => null
// :param owner_id => null
MATCH (g:Gig)-[:OWNED_BY]->(owner:Person)
WHERE (NOT (g.status = 'draft' OR (g.status = 'cancelled' AND g.published_at IS NULL))
       OR $sees_all_drafts OR owner.id = $viewer_id)
  AND ($statuses IS NULL OR g.status IN $statuses)
  AND ($type IS NULL OR g.type = $type)
  AND ($owner_id IS NULL OR owner.id = $owner_id)
  AND ($department_id IS NULL
       OR EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  AND ($skill_id IS NULL OR EXISTS { (g)-[:REQUIRES]->(:Skill {id: $skill_id}) })
RETURN count(g) AS total
