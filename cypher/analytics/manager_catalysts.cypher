// Managers as talent catalysts, for managers who are members of the department or its
// sub-departments: how many of their direct reports took a growth gig elsewhere (an engagement
// completed in [start, end) on another department's gig, on which they demonstrated a skill they
// aspired to or a skill new to them), and how fast the manager decided the approvals they were
// asked for (approval_requested_at -> approval_decided_at of applications decided in the period
// with approver_id = the manager), how many of those they approved, the names of the reports who
// grew, and the department most of their reports belong to (their team, whose pulse results the
// catalyst report shows when the team's group is large enough). Most catalysing managers first.
// Three streams meet per manager: reports (from the scope), growers (from the period's growth
// engagements) and decisions (from the period's applications); only managers in the scope have
// reports, so the others drop out. With $manager_id, that manager alone (their own figures).
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
// :param manager_id => null
// :param limit => 10
CALL () {
  MATCH (d:Department)
  WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
  MATCH (d)<-[:MEMBER_OF]-(m:Person)
  WHERE $manager_id IS NULL OR m.id = $manager_id
  WITH m, COUNT { (m)<-[:REPORTS_TO]-() } AS reports
  WHERE reports > 0
  RETURN m, reports, 0 AS growers, [] AS grower_names, null AS hours, false AS approved
  UNION ALL
  MATCH (rd:Department)<-[:MEMBER_OF]-(r:Person)-[:ENGAGED_IN]->(e:Engagement)
        -[:ON]->(:Gig)-[:FOR_DEPARTMENT]->(gd:Department)
  WHERE e.completed_at >= $start AND e.completed_at < $end AND gd <> rd
    AND EXISTS {
      MATCH (e)-[x:DEMONSTRATED]->(:Skill)
      WHERE x.was_aspiration OR coalesce(x.previous_level, 0) = 0
    }
  MATCH (r)-[:REPORTS_TO]->(m:Person)
  WHERE $manager_id IS NULL OR m.id = $manager_id
  WITH DISTINCT m, r
  RETURN m, 0 AS reports, count(r) AS growers, collect(r.name) AS grower_names, null AS hours,
         false AS approved
  UNION ALL
  MATCH (a:Application)
  WHERE a.approval_decided_at >= $start AND a.approval_decided_at < $end
    AND a.approval_requested_at IS NOT NULL AND a.approver_id IS NOT NULL
    AND ($manager_id IS NULL OR a.approver_id = $manager_id)
  MATCH (m:Person {id: a.approver_id})
  RETURN m, 0 AS reports, 0 AS growers, [] AS grower_names,
         duration.inSeconds(a.approval_requested_at, a.approval_decided_at).seconds / 3600.0 AS hours,
         a.approval_state IN ['approved', 'auto_approved'] AS approved
}
WITH m, sum(reports) AS reports, sum(growers) AS growers, collect(grower_names) AS names,
     count(hours) AS decisions, sum(CASE WHEN approved THEN 1 ELSE 0 END) AS approvals,
     percentileCont(hours, 0.5) AS median_decision_hours
WHERE reports > 0
WITH m, reports, growers, names, decisions, approvals, median_decision_hours,
     toFloat(growers) / reports AS growth_share
ORDER BY growth_share DESC, growers DESC, median_decision_hours, m.name
LIMIT $limit
CALL (m) {
  OPTIONAL MATCH (m)<-[:REPORTS_TO]-(:Person)-[:MEMBER_OF]->(t:Department)
  WITH t, count(*) AS members
  RETURN t.id AS team_department_id ORDER BY members DESC, t.id LIMIT 1
}
RETURN m.id AS manager_id, m.name AS manager_name, reports, growers,
       COLLECT { UNWIND reduce(all = [], n IN names | all + n) AS name
                 RETURN name ORDER BY name } AS grower_names, growth_share, decisions, approvals,
       median_decision_hours, team_department_id
ORDER BY growth_share DESC, growers DESC, median_decision_hours, manager_name
