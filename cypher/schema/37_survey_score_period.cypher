CREATE INDEX survey_score_period IF NOT EXISTS FOR (s:SurveyScore) ON (s.period)
