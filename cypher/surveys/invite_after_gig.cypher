// A completed engagement makes the helper survey due to its helper and, when the gig is completed
// with it, the owner survey due to the gig's owner: each one more invited in the group of their
// department for the quarter (the response rate's denominator). Returns whom to notify.
// :param engagement_id => 'E1'
// :param gig_completed => true
// :param now => datetime('2026-12-01T17:00:00Z')
MATCH (helper:Person)-[:ENGAGED_IN]->(e:Engagement {id: $engagement_id})-[:ON]->(g:Gig)
      -[:OWNED_BY]->(owner:Person)
MATCH (s:Survey {schedule: 'after_gig', active: true})
WHERE s.audience = 'helpers' OR (s.audience = 'owners' AND $gig_completed)
WITH s, e, g, CASE s.audience WHEN 'helpers' THEN helper ELSE owner END AS p,
     toString($now.year) + '-Q' + toString($now.quarter) AS period
OPTIONAL MATCH (p)-[:MEMBER_OF]->(d:Department)
WITH s, e, g, p, period, coalesce(d.id, 'unassigned') AS department_id
MERGE (group:SurveyGroup {key: s.id + '/' + period + '/' + department_id})
  ON CREATE SET group.survey_id = s.id, group.period = period, group.department_id = department_id,
                group.invited = 0, group.respondents = 0, group.comments = []
SET group.invited = group.invited + 1
RETURN p.id AS person_id, s.title AS title, g.id AS gig_id, g.title AS gig_title,
       CASE s.audience WHEN 'helpers' THEN e.id END AS engagement_id
