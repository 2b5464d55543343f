// The default pulse surveys, created once (applied with the schema by `talentgraph db migrate` and
// at start-up): what an admin later edits (titles, windows, questions) is never overwritten.
// after_gig surveys are due to the helper of a completed engagement (helpers) or the owner of a
// completed gig (owners) for window_days; quarterly ones to everyone or to managers (people with
// direct reports) while the quarter's round is open. Question kinds: scale (1-5), nps (0-10,
// "how likely are you to recommend"), comment (free text, optional).
UNWIND [
  {id: 'gig-helper', title: 'How did the gig go?', schedule: 'after_gig', audience: 'helpers',
   measures: 'gig_experience', window_days: 30, questions: [
     {id: 'gig-helper-grew', kind: 'scale', text: 'Did this gig grow you?'},
     {id: 'gig-helper-again', kind: 'scale', text: 'Would you take another gig like it?'},
     {id: 'gig-helper-comment', kind: 'comment', text: 'Anything you want to add?'}]},
  {id: 'gig-owner', title: 'How did your gig go?', schedule: 'after_gig', audience: 'owners',
   measures: 'gig_experience', window_days: 30, questions: [
     {id: 'gig-owner-again', kind: 'scale', text: 'Would you post a gig on the marketplace again?'},
     {id: 'gig-owner-comment', kind: 'comment', text: 'Anything you want to add?'}]},
  {id: 'growth-pulse', title: 'Growth and opportunity', schedule: 'quarterly', audience: 'everyone',
   measures: 'engagement', window_days: 30, questions: [
     {id: 'growth-pulse-grows', kind: 'scale', text: 'I can find work here that grows me.'},
     {id: 'growth-pulse-recommend', kind: 'nps',
      text: 'How likely are you to recommend the marketplace to a colleague?'},
     {id: 'growth-pulse-comment', kind: 'comment', text: 'What would make it better?'}]},
  {id: 'manager-pulse', title: 'Sharing talent', schedule: 'quarterly', audience: 'managers',
   measures: 'manager_sentiment', window_days: 30, questions: [
     {id: 'manager-pulse-helps', kind: 'scale', text: "My team's gigs elsewhere help my team."},
     {id: 'manager-pulse-recognised', kind: 'scale', text: 'Sharing talent is recognised here.'},
     {id: 'manager-pulse-comment', kind: 'comment', text: 'What would make sharing easier?'}]}
] AS survey
MERGE (s:Survey {id: survey.id})
  ON CREATE SET s.title = survey.title, s.schedule = survey.schedule, s.audience = survey.audience,
                s.measures = survey.measures, s.window_days = survey.window_days, s.active = true
WITH s, survey
UNWIND range(0, size(survey.questions) - 1) AS position
WITH s, survey.questions[position] AS question, position
MERGE (q:Question {id: question.id})
  ON CREATE SET q.text = question.text, q.kind = question.kind, q.position = position,
                q.active = true, q.survey_id = s.id
MERGE (s)-[:ASKS]->(q)
RETURN count(q) AS questions
