// A person's own chat addresses (their Slack member id, their Teams user), set from their profile;
// null leaves one as it is, an empty string removes it.
// :param person_id => 'P1'
// :param slack_id => 'U024BE7LH'
// :param teams_id => null
MATCH (p:Person {id: $person_id})
SET p.slack_id = CASE WHEN $slack_id IS NULL THEN p.slack_id
                      WHEN trim($slack_id) = '' THEN null ELSE trim($slack_id) END,
    p.teams_id = CASE WHEN $teams_id IS NULL THEN p.teams_id
                      WHEN trim($teams_id) = '' THEN null ELSE trim($teams_id) END
RETURN p {.id, .email, .slack_id, .teams_id} AS person
