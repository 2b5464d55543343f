// How often each value was given, per question of a history's groups (replaced, as the groups).
// :param rows => [{key: 'growth-pulse/2026-Q3/ENG/growth-pulse-grows', survey_id: 'growth-pulse', period: '2026-Q3', department_id: 'ENG', question_id: 'growth-pulse-grows', counts: [0, 0, 1, 3, 4, 0, 0, 0, 0, 0, 0]}]
UNWIND $rows AS row
MERGE (s:SurveyScore {key: row.key})
SET s.survey_id = row.survey_id, s.period = row.period, s.department_id = row.department_id,
    s.question_id = row.question_id, s.counts = row.counts
RETURN count(s) AS scores
