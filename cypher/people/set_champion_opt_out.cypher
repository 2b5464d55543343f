// A person chooses whether HR may list them as a champion (asked for a story, invited to a launch).
// :param person_id => 'P1'
// :param opt_out => true
MATCH (p:Person {id: $person_id})
SET p.champion_opt_out = $opt_out
RETURN p.id AS id, p.champion_opt_out AS champion_opt_out
