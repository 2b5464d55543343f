// A colleague on a gig vouches for a skill they saw; once per colleague, person, skill and gig.
// An endorsement confirms a skill the person already holds (HAS_SKILL.confirmed_at) but does not
// create or raise one: only the owner's feedback validates proficiency.
// :param gig_id => 'G1'
// :param endorser_id => 'P3'
// :param person_id => 'P2'
// :param skill_id => 'esco-1'
// :param comment => 'Ran the data model review'
// :param now => datetime('2026-12-01T09:00:00Z')
MATCH (g:Gig {id: $gig_id})
MATCH (endorser:Person {id: $endorser_id})
MATCH (p:Person {id: $person_id})
MATCH (s:Skill {id: $skill_id})
MERGE (endorsement:Endorsement {key: $endorser_id + '|' + $person_id + '|' + $skill_id + '|' + $gig_id})
ON CREATE SET endorsement.id = randomUUID(), endorsement.created_at = $now
SET endorsement.comment = $comment
MERGE (endorsement)-[:BY]->(endorser)
MERGE (endorsement)-[:OF]->(p)
MERGE (endorsement)-[:SKILL]->(s)
MERGE (endorsement)-[:ON]->(g)
WITH endorsement, p, s
OPTIONAL MATCH (p)-[held:HAS_SKILL]->(s)
FOREACH (_ IN CASE WHEN held IS NULL THEN [] ELSE [1] END | SET held.confirmed_at = $now)
RETURN endorsement {.*, endorser_id: $endorser_id, person_id: $person_id, gig_id: $gig_id,
                    skill: s {.*}} AS endorsement
