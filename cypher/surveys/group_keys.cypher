// Keys of the survey groups whose tallies to compute (surveys/refresh_tallies): every group, or
// with $untallied_only those that hold answers but no tally yet (a graph written before tallies
// existed, which `talentgraph db migrate` and the service's start bring up to date).
// :param untallied_only => true
MATCH (g:SurveyGroup)
WHERE NOT $untallied_only OR (g.respondents > 0 AND g.question_ids IS NULL)
RETURN collect(g.key) AS keys
