// Gigs for the "Find gigs" screen: words searched in title and description through the
// `gig_text` full-text index (ranked; without words, every gig), filtered, sorted, one page.
// Drafts, and drafts cancelled before they were ever published, only for their owner and for
// viewers who see every draft (HR: `permissions.sees_gig`). The department filter
// includes sub-departments; a gig whose application deadline has passed is left out unless
// `include_closed`. `order`: relevance (text score, then newest), newest, start_date, deadline,
// hours (fewest hours a week first); ties go by id. One row: the page as a list (`page`), each
// gig with the parts switched on by $with_* nested in its map (owner, department, skills
// required first; a part switched off is null), and, when $with_total, how many gigs match over
// all pages (`total`, else null): the screen's cards and count in one round trip.
// Where to start (the first branch whose condition holds; the WHERE after the CALL is the whole
// filter, so the start only decides what is read): the words' full-text hits, else the skill's
// gigs, else the gigs of the statuses (their index), else the department's subtree's, else every
// gig. Only one branch reads anything, so UNION ALL repeats no gig.
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
// :param order => 'relevance'
// :param skip => 0
// :param limit => 21
// :param with_owner => true
// :param with_department => true
// :param with_skills => false
// :param with_total => true
CALL () {
  WITH $query IS NOT NULL AS chosen WHERE chosen
  CALL db.index.fulltext.queryNodes('gig_text', $query) YIELD node, score
  RETURN node AS g, score
  UNION ALL
  WITH $query IS NULL AS chosen WHERE chosen
  MATCH (:Skill {id: $skill_id})<-[:REQUIRES]-(g:Gig)
  RETURN DISTINCT g, 0.0 AS score
  UNION ALL
  WITH $query IS NULL AND $skill_id IS NULL AS chosen WHERE chosen
  MATCH (g:Gig) WHERE g.status IN $statuses
  RETURN g, 0.0 AS score
  UNION ALL
  WITH $query IS NULL AND $skill_id IS NULL AND $statuses IS NULL AS chosen WHERE chosen
  MATCH (:Department {id: $department_id})<-[:PART_OF*0..]-(:Department)<-[:FOR_DEPARTMENT]-(g:Gig)
  RETURN DISTINCT g, 0.0 AS score
  UNION ALL
  WITH $query IS NULL AND $skill_id IS NULL AND $statuses IS NULL AND $department_id IS NULL
       AS chosen WHERE chosen
  MATCH (g:Gig)
  RETURN g, 0.0 AS score
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
WITH g, owner, score
ORDER BY
  CASE $order WHEN 'relevance' THEN -score WHEN 'hours' THEN g.hours_per_week ELSE 0 END,
  CASE $order WHEN 'start_date' THEN coalesce(g.start_date, date('9999-12-31'))
              WHEN 'deadline' THEN coalesce(g.application_deadline, date('9999-12-31'))
              ELSE date('9999-12-31') END,
  coalesce(g.published_at, g.created_at) DESC,
  g.id
WITH collect({gig: g, owner: owner}) AS hits
CALL (hits) {
  UNWIND hits[$skip..$skip + $limit] AS hit
  WITH hit.gig AS g, hit.owner AS owner
  RETURN collect(g {.*,
           owner: CASE WHEN $with_owner THEN owner {.*} END,
           department: CASE WHEN $with_department
                         THEN [(g)-[:FOR_DEPARTMENT]->(d:Department) | d {.*}][0] END,
           skills: CASE WHEN $with_skills THEN COLLECT {
                     MATCH (g)-[r:REQUIRES]->(s:Skill)
                     RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
                             min_proficiency: r.min_proficiency, importance: r.importance}
                     ORDER BY CASE r.importance WHEN 'required' THEN 0 WHEN 'nice_to_have' THEN 1
                              ELSE 2 END, s.label
                   } END}) AS page
}
RETURN page, CASE WHEN $with_total THEN size(hits) END AS total
