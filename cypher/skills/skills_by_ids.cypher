// Skills by id (DataLoader).
// :param ids => ['python', 'rust']
UNWIND $ids AS id
MATCH (s:Skill {id: id})
USING INDEX s:Skill(id)
RETURN id AS key, s {.*} AS value
