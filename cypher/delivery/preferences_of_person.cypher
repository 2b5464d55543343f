// A person's chosen delivery modes (kinds and channels they left alone follow the defaults) and
// their chat addresses.
// :param person_id => 'P1'
MATCH (p:Person {id: $person_id})
RETURN p {.id, .email, .slack_id, .teams_id} AS person,
       COLLECT {
         MATCH (p)-[:PREFERS]->(pref:NotificationPreference)
         RETURN pref {.kind, .channel, .mode} ORDER BY pref.kind, pref.channel
       } AS preferences
