// Pulse survey groups per quarter and department, before the anonymity floor: for the surveys
// measuring `measures` (engagement: the growth pulse; manager_sentiment: the managers' pulse),
// each department's respondents, invited and comments, with the department's line up to the top
// of the tree. `pulse_scores` gives how often each value was given per question. The API folds a
// department with fewer respondents than the floor into its parent before showing anything
// (resolvers/surveys/anonymity.py), for the whole organisation at once, so a department scope
// never changes a group. Nothing here names a person: no answer is stored with one.
// :param measures => 'engagement'
// :param periods => ['2026-Q2', '2026-Q3', '2026-Q4']
MATCH (s:Survey {measures: $measures})
MATCH (g:SurveyGroup)
WHERE g.survey_id = s.id AND g.period IN $periods
OPTIONAL MATCH (d:Department {id: g.department_id})
OPTIONAL MATCH line = (d)-[:PART_OF*0..]->(top:Department)
WHERE NOT EXISTS { (top)-[:PART_OF]->() }
RETURN g.period AS period, g.department_id AS department_id,
       [n IN coalesce(nodes(line), []) | n {.id, .name}] AS line,
       g.invited AS invited, g.respondents AS respondents, g.comments AS comments
