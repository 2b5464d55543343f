// An admin's edit of a survey: its title, whether it is active, its window, and its questions in
// the order given (new ones created, listed ones updated and reactivated, the others retired:
// kept, with their answers, but no longer asked). Ids of new questions are made by the caller.
// :param id => 'growth-pulse'
// :param title => 'Growth and opportunity'
// :param active => true
// :param window_days => 30
// :param questions => [{id: 'growth-pulse-grows', text: 'I can find work here that grows me.', kind: 'scale'}]
MATCH (s:Survey {id: $id})
SET s.title = $title, s.active = $active, s.window_days = $window_days
WITH s
CALL (s) {
  MATCH (s)-[:ASKS]->(q:Question)
  WHERE NOT q.id IN [question IN $questions | question.id]
  SET q.active = false, q.position = null
}
WITH s
UNWIND range(0, size($questions) - 1) AS position
WITH s, $questions[position] AS question, position
MERGE (q:Question {id: question.id})
  ON CREATE SET q.kind = question.kind, q.survey_id = s.id
SET q.text = question.text, q.position = position, q.active = true
MERGE (s)-[:ASKS]->(q)
RETURN count(q) AS questions
