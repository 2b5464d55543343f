// Which of these answered-markers exist. A marker's key is a keyed hash of (person, survey,
// subject) that only the service can compute: it stops a second answer and names nobody.
// :param keys => ['0f3a...']
MATCH (a:SurveyAnswered)
WHERE a.key IN $keys
RETURN collect(a.key) AS answered
