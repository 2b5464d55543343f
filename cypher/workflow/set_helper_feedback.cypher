// The helper's own feedback on the gig they worked on.
// :param id => 'E1'
// :param rating => 4
// :param feedback => 'Clear brief, friendly team'
// :param now => datetime('2026-12-02T09:00:00Z')
MATCH (e:Engagement {id: $id})
SET e.helper_rating = $rating,
    e.helper_feedback = $feedback,
    e.helper_feedback_at = $now
RETURN e.id AS id
