// Pulse survey results per quarter and department, before the anonymity floor: for the surveys
// measuring `measures` (engagement: the growth pulse; manager_sentiment: the managers' pulse), each
// department's respondents, invited, comments and, per question, how often each value was given
// (counts[v], v = 0..10), with the department's line up to the top of the tree. The API folds a
// department with fewer respondents than the floor into its parent before showing anything
// (resolvers/surveys/anonymity.py), for the whole organisation at once, so a department scope
// never changes a group. Nothing here names a person: no answer is stored with one.
// :param measures => 'engagement'
// :param periods => ['2026-Q2', '2026-Q3', '2026-Q4']
MATCH (s:Survey {measures: $measures})
MATCH (g:SurveyGroup)
WHERE g.period IN $periods AND g.survey_id = s.id
OPTIONAL MATCH line = (:Department {id: g.department_id})-[:PART_OF*0..]->(top:Department)
WHERE NOT EXISTS { (top)-[:PART_OF]->() }
RETURN g.period AS period, g.department_id AS department_id,
       [d IN coalesce(nodes(line), []) | d {.id, .name}] AS line,
       g.invited AS invited, g.respondents AS respondents, g.comments AS comments,
       COLLECT {
         MATCH (q:Question)<-[:ASKS]-(s)
         MATCH (score:SurveyScore {key: g.key + '/' + q.id})
         RETURN {question_id: q.id, kind: q.kind, text: q.text, counts: score.counts}
       } AS scores
ORDER BY period, department_id
