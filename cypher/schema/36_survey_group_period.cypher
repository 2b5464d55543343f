CREATE INDEX survey_group_period IF NOT EXISTS FOR (g:SurveyGroup) ON (g.period)
