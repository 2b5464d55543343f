CREATE CONSTRAINT survey_answered_key IF NOT EXISTS FOR (a:SurveyAnswered) REQUIRE a.key IS UNIQUE
