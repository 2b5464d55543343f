// Sets a person's delivery mode per kind and channel (one node per person, kind and channel).
// :param person_id => 'P1'
// :param preferences => [{kind: 'application_received', channel: 'email', mode: 'digest'}]
// :param now => datetime('2026-11-01T09:00:00Z')
MATCH (p:Person {id: $person_id})
UNWIND $preferences AS choice
MERGE (pref:NotificationPreference {key: p.id + ':' + choice.kind + ':' + choice.channel})
  ON CREATE SET pref.kind = choice.kind, pref.channel = choice.channel
SET pref.mode = choice.mode, pref.updated_at = $now
MERGE (p)-[:PREFERS]->(pref)
RETURN count(pref) AS set
