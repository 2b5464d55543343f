// Survey rounds of a history (the demo organisation's past quarters), by id.
// :param rows => [{id: 'growth-pulse/2026-Q3', survey_id: 'growth-pulse', period: '2026-Q3', opened_at: datetime('2026-07-01T08:00:00Z'), closes_at: datetime('2026-07-31T08:00:00Z')}]
UNWIND $rows AS row
MATCH (s:Survey {id: row.survey_id})
MERGE (r:SurveyRound {id: row.id})
SET r.survey_id = row.survey_id, r.period = row.period, r.opened_at = row.opened_at,
    r.closes_at = row.closes_at
MERGE (r)-[:OF]->(s)
RETURN count(r) AS rounds
