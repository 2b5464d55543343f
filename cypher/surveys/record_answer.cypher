// One answer, stored apart from identity: the marker (a keyed hash, no relationship, no time)
// stops a second answer; the answer itself only adds to its group's counters (survey, quarter,
// the respondent's department): one more respondent, the comment inserted at a random place in
// the group's list, one more count of each value given. Nothing records who gave what, or when.
// Fails on the marker's uniqueness constraint when the instance was answered already. Returns the
// group's key, whose tally the same transaction then computes again (surveys/refresh_tallies).
// :param key => '0f3a...'
// :param survey_id => 'growth-pulse'
// :param period => '2026-Q4'
// :param department_id => 'ENG'
// :param comment => null
// :param answers => [{question_id: 'growth-pulse-grows', value: 4}, {question_id: 'growth-pulse-recommend', value: 9}]
CREATE (:SurveyAnswered {key: $key})
MERGE (g:SurveyGroup {key: $survey_id + '/' + $period + '/' + $department_id})
  ON CREATE SET g.survey_id = $survey_id, g.period = $period, g.department_id = $department_id,
                g.invited = 0, g.respondents = 0, g.comments = []
SET g.respondents = g.respondents + 1
WITH g, toInteger(rand() * (size(g.comments) + 1)) AS at
SET g.comments = CASE WHEN $comment IS NULL THEN g.comments
                      ELSE g.comments[..at] + [$comment] + g.comments[at..] END
WITH g
UNWIND $answers AS answer
MERGE (s:SurveyScore {key: g.key + '/' + answer.question_id})
  ON CREATE SET s.survey_id = g.survey_id, s.period = g.period, s.department_id = g.department_id,
                s.question_id = answer.question_id, s.counts = [i IN range(0, 10) | 0]
SET s.counts = [i IN range(0, 10) | s.counts[i] + CASE WHEN i = answer.value THEN 1 ELSE 0 END]
RETURN g.key AS key, count(s) AS scores
