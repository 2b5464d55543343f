// What a story is about: the engagement, its helper, the gig's owner, and the story told so far.
// :param engagement_id => 'E1'
MATCH (helper:Person)-[:ENGAGED_IN]->(e:Engagement {id: $engagement_id})-[:ON]->(g:Gig)
      -[:OWNED_BY]->(owner:Person)
OPTIONAL MATCH (s:Story)-[:ABOUT]->(e)
RETURN e.status AS status, helper.id AS helper_id, owner.id AS owner_id, g.title AS gig_title,
       s {.*} AS story
