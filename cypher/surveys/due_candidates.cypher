// The survey instances due to a person at `now`, before checking which they already answered:
// a quarterly survey's open round (everyone; managers: people with direct reports), the helper
// survey of each engagement they completed within the survey's window, the owner survey of each
// of their gigs completed within it. `subject` names the instance (the round's period, the
// engagement, the gig); `period` is the quarter its answers are counted in.
// :param person_id => 'P1'
// :param now => datetime('2026-11-01T09:00:00Z')
MATCH (p:Person {id: $person_id})
WHERE coalesce(p.active, true)
CALL (p) {
  MATCH (r:SurveyRound)-[:OF]->(s:Survey {schedule: 'quarterly', active: true})
  WHERE r.opened_at <= $now AND $now < r.closes_at
    AND (s.audience = 'everyone' OR (s.audience = 'managers' AND EXISTS { (p)<-[:REPORTS_TO]-() }))
  RETURN s, r.period AS subject, r.period AS period, r.closes_at AS closes_at,
         null AS gig, null AS engagement_id
  UNION ALL
  MATCH (s:Survey {schedule: 'after_gig', audience: 'helpers', active: true})
  MATCH (p)-[:ENGAGED_IN]->(e:Engagement {status: 'completed'})-[:ON]->(g:Gig)
  WHERE e.completed_at <= $now AND $now < e.completed_at + duration({days: s.window_days})
  RETURN s, e.id AS subject,
         toString(e.completed_at.year) + '-Q' + toString(e.completed_at.quarter) AS period,
         e.completed_at + duration({days: s.window_days}) AS closes_at,
         g {.id, .title} AS gig, e.id AS engagement_id
  UNION ALL
  MATCH (s:Survey {schedule: 'after_gig', audience: 'owners', active: true})
  MATCH (p)<-[:OWNED_BY]-(g:Gig {status: 'completed'})
  WHERE g.completed_at <= $now AND $now < g.completed_at + duration({days: s.window_days})
  RETURN s, g.id AS subject,
         toString(g.completed_at.year) + '-Q' + toString(g.completed_at.quarter) AS period,
         g.completed_at + duration({days: s.window_days}) AS closes_at,
         g {.id, .title} AS gig, null AS engagement_id
}
RETURN s.id AS survey_id, subject, period, closes_at, gig, engagement_id
ORDER BY closes_at, survey_id, subject
