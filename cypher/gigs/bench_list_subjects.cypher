// What the gig list benchmark asks about, each a sample of at most $count: people who own gigs
// (their "My gigs" screen), skills that open gigs require, departments with an open gig in their
// subtree (top-level ones and sub-departments alike), in id order; words to search for (the first
// word of open gigs' titles, lower case, in order).
// :param count => 50
CALL () {
  MATCH (p:Person) WHERE EXISTS { (p)<-[:OWNED_BY]-(:Gig) }
  WITH p ORDER BY p.id LIMIT $count
  RETURN collect(p.id) AS owner_ids
}
CALL () {
  MATCH (s:Skill) WHERE EXISTS { (s)<-[:REQUIRES]-(:Gig {status: 'open'}) }
  WITH s ORDER BY s.id LIMIT $count
  RETURN collect(s.id) AS skill_ids
}
CALL () {
  MATCH (d:Department)
  WHERE EXISTS { (d)<-[:PART_OF*0..]-(:Department)<-[:FOR_DEPARTMENT]-(:Gig {status: 'open'}) }
  WITH d ORDER BY d.id LIMIT $count
  RETURN collect(d.id) AS department_ids
}
CALL () {
  MATCH (g:Gig {status: 'open'})
  WITH DISTINCT toLower(split(g.title, ' ')[0]) AS word ORDER BY word LIMIT $count
  RETURN collect(word) AS words
}
RETURN owner_ids, skill_ids, department_ids, words
