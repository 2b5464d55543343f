// A page of gigs matching a filter, in id order after a keyset cursor (the last id seen).
// Drafts only for their owner and for viewers who see every draft (HR). Every filter is optional;
// the department filter includes sub-departments.
// :param after => ''
// :param limit => 21
// :param viewer_id => 'P1'
// :param sees_all_drafts => false
// :param statuses => ['open']
// :param type => null
// :param department_id => null
// :param skill_id => null
// :param owner_id => null
MATCH (g:Gig)-[:OWNED_BY]->(owner:Person)
WHERE g.id > $after
  AND (g.status <> 'draft' OR $sees_all_drafts OR owner.id = $viewer_id)
  AND ($statuses IS NULL OR g.status IN $statuses)
  AND ($type IS NULL OR g.type = $type)
  AND ($owner_id IS NULL OR owner.id = $owner_id)
  AND ($department_id IS NULL
       OR EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  AND ($skill_id IS NULL OR EXISTS { (g)-[:REQUIRES]->(:Skill {id: $skill_id}) })
RETURN g {.*} AS gig
ORDER BY g.id
LIMIT $limit
