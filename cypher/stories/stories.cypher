// Success stories the viewer may read: published ones (the helper and the owner both agreed) for
// everyone; unpublished ones only for the people in them, their managers and HR. What was done,
// for whom, the hours and the savings (hours worked x the gig's external hourly rate), each
// side's line; never a rating or the owner's feedback. Newest first. `mine` keeps only the stories
// the viewer tells (as the helper or the owner), `gig_id` only those of one gig.
// :param viewer_id => 'P1'
// :param every => false
// :param published_only => false
// :param mine => false
// :param gig_id => null
// :param ids => null
// :param first => 20
MATCH (s:Story)-[:ABOUT]->(e:Engagement)<-[:ENGAGED_IN]-(helper:Person)
MATCH (e)-[:ON]->(g:Gig)-[:OWNED_BY]->(owner:Person)
WHERE ($ids IS NULL OR s.id IN $ids)
  AND ($gig_id IS NULL OR g.id = $gig_id)
  AND (NOT $mine OR $viewer_id IN [helper.id, owner.id])
  AND (s.published_at IS NOT NULL
       OR (NOT $published_only
           AND ($every OR $viewer_id IN [helper.id, owner.id]
                OR EXISTS { (helper)-[:REPORTS_TO]->(:Person {id: $viewer_id}) }
                OR EXISTS { (owner)-[:REPORTS_TO]->(:Person {id: $viewer_id}) })))
OPTIONAL MATCH (helper)-[:MEMBER_OF]->(hd:Department)
OPTIONAL MATCH (g)-[:FOR_DEPARTMENT]->(gd:Department)
RETURN s {.id, .helper_line, .owner_line, .helper_consent, .owner_consent, .published_at,
          .created_at, .updated_at,
          engagement_id: e.id,
          gig: g {.id, .title, .description, .type},
          helper: helper {.id, .name}, helper_department: hd.name,
          owner: owner {.id, .name}, gig_department: gd.name,
          hours_worked: coalesce(e.hours_worked, 0.0),
          estimated_savings: coalesce(e.hours_worked, 0.0) * coalesce(g.external_hourly_rate, 0.0),
          completed_at: e.completed_at} AS story
ORDER BY coalesce(s.published_at, s.updated_at) DESC, s.id
LIMIT $first
