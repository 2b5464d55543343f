// How often each value (counts[v], v = 0..10) was given to each question of the surveys measuring
// `measures`, per quarter and department, before the anonymity floor (see pulse_groups, whose
// groups these rows belong to).
// :param measures => 'engagement'
// :param periods => ['2026-Q2', '2026-Q3', '2026-Q4']
MATCH (:Survey {measures: $measures})-[:ASKS]->(q:Question)
MATCH (score:SurveyScore)
WHERE score.question_id = q.id AND score.period IN $periods
RETURN score.period AS period, score.department_id AS department_id, q.id AS question_id,
       q.kind AS kind, q.text AS text, score.counts AS counts
