// The helper or the owner of a completed engagement writes their line of its story and says
// whether it may be published; it is published once both agree, and unpublished again when
// either withdraws. One story per engagement.
// :param engagement_id => 'E1'
// :param side => 'helper'
// :param line => 'I learnt more SQL in three weeks than in a year of courses.'
// :param consent => true
// :param now => datetime('2026-12-01T09:00:00Z')
MATCH (e:Engagement {id: $engagement_id})
MERGE (s:Story {id: 'story-' + $engagement_id})
  ON CREATE SET s.engagement_id = $engagement_id, s.created_at = $now,
                s.helper_consent = false, s.owner_consent = false
MERGE (s)-[:ABOUT]->(e)
SET s.helper_line = CASE WHEN $side = 'helper' THEN $line ELSE s.helper_line END,
    s.owner_line = CASE WHEN $side = 'owner' THEN $line ELSE s.owner_line END,
    s.helper_consent = CASE WHEN $side = 'helper' THEN $consent ELSE s.helper_consent END,
    s.owner_consent = CASE WHEN $side = 'owner' THEN $consent ELSE s.owner_consent END,
    s.updated_at = $now
SET s.published_at = CASE WHEN s.helper_consent AND s.owner_consent
                          THEN coalesce(s.published_at, $now) END
RETURN s.id AS id
