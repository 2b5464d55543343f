// Opens the quarter's round of every active quarterly survey that has none yet (idempotent): the
// round is open from `now` for the survey's window_days; each department's group records how
// many of its members were invited (active people; for managers' surveys, people with direct
// reports), the response rate's denominator. Returns whom to notify, per survey.
// :param period => '2026-Q4'
// :param now => datetime('2026-10-01T08:00:00Z')
MATCH (s:Survey {schedule: 'quarterly', active: true})
WHERE NOT EXISTS { MATCH (:SurveyRound {id: s.id + '/' + $period}) }
CREATE (r:SurveyRound {id: s.id + '/' + $period, survey_id: s.id, period: $period,
                       opened_at: $now, closes_at: $now + duration({days: s.window_days})})
CREATE (r)-[:OF]->(s)
WITH s, r
CALL (s) {
  MATCH (d:Department)<-[:MEMBER_OF]-(p:Person)
  WHERE coalesce(p.active, true)
    AND (s.audience = 'everyone' OR EXISTS { (p)<-[:REPORTS_TO]-() })
  WITH d, collect(p.id) AS invited
  MERGE (g:SurveyGroup {key: s.id + '/' + $period + '/' + d.id})
    ON CREATE SET g.survey_id = s.id, g.period = $period, g.department_id = d.id,
                  g.invited = 0, g.respondents = 0, g.comments = []
  SET g.invited = g.invited + size(invited)
  RETURN collect(invited) AS audiences
}
RETURN s.id AS survey_id, s.title AS title, r.closes_at AS closes_at,
       reduce(all = [], ids IN audiences | all + ids) AS person_ids
