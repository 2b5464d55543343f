// Answer counters of a history, per survey, quarter and department (replaced, so loading the
// same history twice changes nothing).
// :param rows => [{key: 'growth-pulse/2026-Q3/ENG', survey_id: 'growth-pulse', period: '2026-Q3', department_id: 'ENG', invited: 12, respondents: 8, comments: []}]
UNWIND $rows AS row
MERGE (g:SurveyGroup {key: row.key})
SET g.survey_id = row.survey_id, g.period = row.period, g.department_id = row.department_id,
    g.invited = row.invited, g.respondents = row.respondents, g.comments = row.comments
RETURN count(g) AS groups
