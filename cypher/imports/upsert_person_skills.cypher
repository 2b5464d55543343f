// A person's proven skills. Evidence from gig feedback is never lowered by an HRIS export.
// Returns the skills written, whose holder digests the loader then refreshes.
// :param rows => [{person_id: 'P1', skill_id: 'esco-1', proficiency: 4, validated: true, source: 'hris'}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (s:Skill {id: row.skill_id})
MERGE (p)-[r:HAS_SKILL]->(s)
ON CREATE SET r.confirmed_at = datetime()
WITH r, row, s
WHERE r.source IS NULL OR r.source <> 'gig_feedback' OR row.proficiency >= r.proficiency
SET r.proficiency = row.proficiency,
    r.validated = row.validated OR coalesce(r.source = 'gig_feedback', false),
    r.source = CASE WHEN r.source = 'gig_feedback' THEN r.source ELSE row.source END
RETURN collect(DISTINCT s.id) AS skill_ids
