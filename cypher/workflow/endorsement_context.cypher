// What endorsing needs to know: whether the endorser and the endorsed person both worked on the
// gig (an engagement that is active or completed) and whether the skill exists.
// :param gig_id => 'G1'
// :param endorser_id => 'P3'
// :param person_id => 'P2'
// :param skill_id => 'esco-1'
OPTIONAL MATCH (g:Gig {id: $gig_id})
OPTIONAL MATCH (p:Person {id: $person_id})
OPTIONAL MATCH (s:Skill {id: $skill_id})
RETURN g IS NOT NULL AS gig_found,
       p IS NOT NULL AS person_found,
       s IS NOT NULL AS skill_found,
       EXISTS {
         (:Person {id: $endorser_id})-[:ENGAGED_IN]->(mine:Engagement)-[:ON]->(g)
         WHERE mine.status IN ['active', 'completed']
       } AS endorser_on_gig,
       EXISTS {
         (p)-[:ENGAGED_IN]->(theirs:Engagement)-[:ON]->(g)
         WHERE theirs.status IN ['active', 'completed']
       } AS person_on_gig
