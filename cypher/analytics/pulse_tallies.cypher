// Pulse survey tallies per quarter and department, before the anonymity floor: for the surveys
// measuring `measures` (engagement: the growth pulse; manager_sentiment: the managers' pulse),
// one row per quarter with each department's group: respondents, invited, comments and, per
// question answered (`question_ids`), the answers, their sum, promoters (9-10) and detractors
// (0-6). The API folds a department with fewer respondents than the floor into its parent
// (departments/department_tree) before showing anything (resolvers/surveys/anonymity.py), for
// the whole organisation at once. Nothing here names a person: no answer is stored with one.
// :param measures => 'engagement'
// :param periods => ['2026-Q2', '2026-Q3', '2026-Q4']
MATCH (s:Survey {measures: $measures})
MATCH (g:SurveyGroup)
WHERE g.survey_id = s.id AND g.period IN $periods
WITH g ORDER BY g.key
RETURN g.period AS period,
       collect(g {.department_id, .invited, .respondents, .comments,
                  question_ids: coalesce(g.question_ids, []), answers: coalesce(g.answers, []),
                  sums: coalesce(g.sums, []), promoters: coalesce(g.promoters, []),
                  detractors: coalesce(g.detractors, [])}) AS groups
ORDER BY period
