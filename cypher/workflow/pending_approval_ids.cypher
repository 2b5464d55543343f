// Approvals waiting for a manager: shortlisted applications of their reports (or, escalated, of
// their reports' reports) that name them as approver, oldest request first.
// :param approver_id => 'P9'
MATCH (:Person {id: $approver_id})<-[:REPORTS_TO*1..2]-(:Person)-[:APPLIED]->(a:Application)
WHERE a.approver_id = $approver_id
  AND a.state = 'shortlisted'
  AND a.approval_state IN ['pending', 'escalated']
RETURN DISTINCT a.id AS id, a.approval_requested_at AS requested_at
ORDER BY requested_at, id
