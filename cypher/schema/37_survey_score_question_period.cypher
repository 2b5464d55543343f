CREATE INDEX survey_score_question_period IF NOT EXISTS FOR (s:SurveyScore) ON (s.question_id, s.period)
