// Proof that answers stay apart from identity: relationships of the survey counters (none) and of
// the answered-markers (none), and the properties markers carry (only their hashed key).
MATCH (n)
WHERE n:SurveyGroup OR n:SurveyScore OR n:SurveyAnswered
RETURN sum(CASE WHEN n:SurveyAnswered THEN 0 ELSE COUNT { (n)--() } END) AS answer_links,
       sum(CASE WHEN n:SurveyAnswered THEN COUNT { (n)--() } ELSE 0 END) AS marker_links,
       collect(DISTINCT CASE WHEN n:SurveyAnswered THEN keys(n) END) AS marker_properties
