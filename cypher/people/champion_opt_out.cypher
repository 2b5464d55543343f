// Whether a person opted out of the champions list (HR never lists them while they are out).
// :param person_id => 'P1'
MATCH (p:Person {id: $person_id})
RETURN coalesce(p.champion_opt_out, false) AS champion_opt_out
