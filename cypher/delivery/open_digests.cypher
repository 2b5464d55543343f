// Gathers each person's digest deliveries waiting from before $cutoff (today's digest hour), per
// channel, into one digest delivery for the day $day. The digest is keyed by person, channel and
// day: a second run the same day adds nothing to a digest already made, and what comes later
// waits for the next day's.
// :param cutoff => datetime('2026-11-02T08:00:00Z')
// :param now => datetime('2026-11-02T08:00:05Z')
// :param day => '2026-11-02'
MATCH (item:Delivery {status: 'digest'})
WHERE item.created_at <= $cutoff
WITH item.person_id AS person_id, item.channel AS channel, item.address AS address,
     collect(item) AS items
MERGE (digest:Delivery {key: 'digest:' + person_id + ':' + channel + ':' + $day})
  ON CREATE SET digest.kind = 'digest', digest.channel = channel, digest.address = address,
                digest.person_id = person_id, digest.created_at = $now, digest.attempts = 0,
                digest.errors = [], digest.status = 'pending', digest.due_at = $now
WITH digest, items, digest.created_at = $now AS opened
WHERE opened
UNWIND items AS item
MERGE (digest)-[:INCLUDES]->(item)
SET item.status = 'in_digest'
RETURN count(DISTINCT digest) AS digests, count(item) AS items
