// Writes each skill's holder digest again from its HAS_SKILL edges, in the transaction that
// changed them. A digest is a node of its own, (:HolderDigest {skill_id, holders}), so that no
// projection of a skill carries it: `holders` lists one integer per holder,
//   person key × 16 + proficiency × 2 + (1 when validated, else 0),
// which matching reads instead of expanding and reading every holder's edge (README "Matching").
// Every write of HAS_SKILL runs this for the skills it touched. The digest is locked (a property
// set and removed, which leaves no trace) before the edges are read: a concurrent writer of the
// same skill's holders then waits for this transaction's commit and reads its edges too, so no
// change is lost; a digest that comes out the same is the same (a re-import changes nothing).
// Digests are locked in skill id order, whoever writes them, so two writers never deadlock on
// each other's.
// :param skill_ids => ['python']
UNWIND $skill_ids AS skill_id
WITH DISTINCT skill_id
ORDER BY skill_id
MATCH (s:Skill {id: skill_id})
MERGE (digest:HolderDigest {skill_id: s.id})
SET digest.locked = true
REMOVE digest.locked
WITH s, digest
CALL (s) {
  OPTIONAL MATCH (p:Person)-[h:HAS_SKILL]->(s)
  RETURN collect(p.key * 16 + h.proficiency * 2 + CASE WHEN h.validated THEN 1 ELSE 0 END)
           AS holders
}
SET digest.holders = holders
RETURN count(s) AS refreshed
