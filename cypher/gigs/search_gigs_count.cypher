// How many gigs the "Find gigs" search finds (the same words and filters, and the same start, as
// gigs/search_gigs). Only one branch reads anything, so UNION ALL repeats no gig.
// :param query => '(churn* OR churn~)'
// :param viewer_id => 'P1'
// :param sees_all_drafts => false
// :param statuses => ['open']
// :param types => null
// :param department_id => null
// :param skill_id => null
// :param remote => null
// :param location => null
// :param min_hours => null
// :param max_hours => null
// :param max_weeks => null
// :param include_closed => false
// :param today => date()
CALL () {
  WITH $query IS NOT NULL AS chosen WHERE chosen
  CALL db.index.fulltext.queryNodes('gig_text', $query) YIELD node
  RETURN node AS g
  UNION ALL
  WITH $query IS NULL AS chosen WHERE chosen
  MATCH (:Skill {id: $skill_id})<-[:REQUIRES]-(g:Gig)
  RETURN DISTINCT g
  UNION ALL
  WITH $query IS NULL AND $skill_id IS NULL AS chosen WHERE chosen
  MATCH (g:Gig) WHERE g.status IN $statuses
  RETURN g
  UNION ALL
  WITH $query IS NULL AND $skill_id IS NULL AND $statuses IS NULL AS chosen WHERE chosen
  MATCH (:Department {id: $department_id})<-[:PART_OF*0..]-(:Department)<-[:FOR_DEPARTMENT]-(g:Gig)
  RETURN DISTINCT g
  UNION ALL
  WITH $query IS NULL AND $skill_id IS NULL AND $statuses IS NULL AND $department_id IS NULL
       AS chosen WHERE chosen
  MATCH (g:Gig)
  RETURN g
}
MATCH (g)-[:OWNED_BY]->(owner:Person)
WHERE (NOT (g.status = 'draft' OR (g.status = 'cancelled' AND g.published_at IS NULL))
       OR $sees_all_drafts OR owner.id = $viewer_id)
  AND ($statuses IS NULL OR g.status IN $statuses)
  AND ($types IS NULL OR g.type IN $types)
  AND ($remote IS NULL OR coalesce(g.remote, false) = $remote)
  AND ($location IS NULL OR toLower(g.location) = toLower($location))
  AND ($min_hours IS NULL OR g.hours_per_week >= $min_hours)
  AND ($max_hours IS NULL OR g.hours_per_week <= $max_hours)
  AND ($max_weeks IS NULL OR g.duration_weeks <= $max_weeks)
  AND ($include_closed OR g.application_deadline IS NULL OR g.application_deadline >= $today)
  AND ($department_id IS NULL
       OR EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  AND ($skill_id IS NULL OR EXISTS { (g)-[:REQUIRES]->(:Skill {id: $skill_id}) })
RETURN count(g) AS total
