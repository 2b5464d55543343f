// A page of gigs matching a filter, in id order after a keyset cursor (the last id seen), with
// what the screen shows of each in the same round trip: the parts switched on by $with_* come
// back nested in each gig's map (owner, department, skills required first); a part switched off is
// null. One row: the page as a list (`page`) and, when $with_total, how many gigs match over all
// pages (`total`, else null): the connection's totalCount in the same round trip.
// Drafts, and drafts cancelled before they were ever published, only for their owner and for
// viewers who see every draft (HR: `permissions.sees_gig`). Every filter is optional;
// the department filter includes sub-departments.
// Where to start (the first branch whose condition holds; the WHERE after the CALL is the whole
// filter, so the start only decides what is read): the owner's gigs, else the skill's, else the
// department's subtree's (bounded by the largest department, where the scan in id order reads
// every gig for a small one); else the gigs in id order, filtered as they are read, up to the
// page (statuses and type have no index that beats that order). Only one branch
// reads anything, so UNION ALL repeats no gig. The count reads every match, so it starts from
// the statuses' index when no narrower start is given (types have none).
// :param after => ''
// :param limit => 21
// :param viewer_id => 'P1'
// :param sees_all_drafts => false
// :param statuses => ['open']
// :param type => null
// :param department_id => null
// :param skill_id => null
// :param owner_id => null
// :param with_owner => true
// :param with_department => true
// :param with_skills => true
// :param with_total => true
CALL () {
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
    MATCH (g:Gig)-[:OWNED_BY]->(owner:Person)
    WHERE g.id > $after
      AND (NOT (g.status = 'draft' OR (g.status = 'cancelled' AND g.published_at IS NULL))
           OR $sees_all_drafts OR owner.id = $viewer_id)
      AND ($statuses IS NULL OR g.status IN $statuses)
      AND ($type IS NULL OR g.type = $type)
    WITH g, owner
    ORDER BY g.id
    LIMIT $limit
    RETURN g, owner
  }
  WITH g, owner
  WHERE g.id > $after
    AND (NOT (g.status = 'draft' OR (g.status = 'cancelled' AND g.published_at IS NULL))
         OR $sees_all_drafts OR owner.id = $viewer_id)
    AND ($statuses IS NULL OR g.status IN $statuses)
    AND ($type IS NULL OR g.type = $type)
    AND ($owner_id IS NULL OR owner.id = $owner_id)
    AND ($department_id IS NULL
         OR EXISTS { (g)-[:FOR_DEPARTMENT]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
    AND ($skill_id IS NULL OR EXISTS { (g)-[:REQUIRES]->(:Skill {id: $skill_id}) })
  WITH g, owner
  ORDER BY g.id
  LIMIT $limit
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
CALL () {
  WITH $with_total AS wanted WHERE wanted
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
    WITH $owner_id IS NULL AND $skill_id IS NULL AND $department_id IS NULL
         AND $statuses IS NOT NULL AS chosen WHERE chosen
    MATCH (g:Gig)-[:OWNED_BY]->(owner:Person)
    WHERE g.status IN $statuses
    RETURN g, owner
    UNION ALL
    WITH $owner_id IS NULL AND $skill_id IS NULL AND $department_id IS NULL
         AND $statuses IS NULL AS chosen WHERE chosen
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
}
RETURN page, CASE WHEN $with_total THEN total END AS total
