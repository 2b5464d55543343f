// Skills shown on an engagement; each becomes validated proficiency (source gig_feedback), never
// lowered, and records the level it raised from so skill growth can be counted per period.
// Returns the skills written, whose holder digests the caller then refreshes.
// :param rows => [{engagement_id: 'E1', skill_id: 'esco-1', level: 4}]
UNWIND $rows AS row
MATCH (e:Engagement {id: row.engagement_id})
USING INDEX SEEK e:Engagement(id)
MATCH (p:Person)-[:ENGAGED_IN]->(e)
MATCH (s:Skill {id: row.skill_id})
OPTIONAL MATCH (p)-[had:HAS_SKILL]->(s)
OPTIONAL MATCH (p)-[aspired:ASPIRES_TO]->(s)
MERGE (e)-[d:DEMONSTRATED]->(s)
ON CREATE SET d.previous_level = coalesce(had.proficiency, 0),
              d.was_aspiration = aspired IS NOT NULL
SET d.level = row.level
MERGE (p)-[r:HAS_SKILL]->(s)
SET r.proficiency = CASE WHEN r.proficiency IS NULL OR row.level > r.proficiency
                         THEN row.level ELSE r.proficiency END,
    r.validated = true,
    r.source = 'gig_feedback',
    r.confirmed_at = coalesce(e.completed_at, datetime())
RETURN collect(DISTINCT s.id) AS skill_ids
