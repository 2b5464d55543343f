// The generated organisation the graph holds, if any (see mark_dataset).
// :param id => 'generated-org'
MATCH (m:Dataset {id: $id})
RETURN m.people AS people, m.seed AS seed, m.generated_at AS generated_at
