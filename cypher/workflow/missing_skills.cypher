// Which of the given skill ids name no skill.
// :param ids => ['esco-1', 'nope']
UNWIND $ids AS id
OPTIONAL MATCH (s:Skill {id: id})
WITH id, s WHERE s IS NULL
RETURN collect(id) AS missing
