// Records which generated organisation the graph holds, so benchmarks can re-use it.
// :param id => 'generated-org'
// :param people => 100000
// :param seed => 7
MERGE (m:Dataset {id: $id})
SET m.people = $people, m.seed = $seed, m.generated_at = datetime()
