CREATE INDEX survey_group_survey_period IF NOT EXISTS FOR (g:SurveyGroup) ON (g.survey_id, g.period)
