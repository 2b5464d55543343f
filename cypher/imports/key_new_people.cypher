// Gives every person without a key theirs, in id order, from the people's key sequence: the
// integer matching's holder digests name a person by (skills/refresh_holder_digests.cypher).
// Runs in each people import batch's transaction, and once when a graph from before keys is
// migrated; idempotent.
MATCH (p:Person) WHERE p.key IS NULL
WITH p ORDER BY p.id
CALL (p) {
  MERGE (sequence:KeySequence {id: 'person'})
  ON CREATE SET sequence.last = 0
  SET sequence.last = sequence.last + 1
  SET p.key = sequence.last
}
