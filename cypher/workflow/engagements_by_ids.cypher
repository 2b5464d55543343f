// Engagements with their helper, gig, gig owner and the skills demonstrated on them, in the
// order of $ids; unknown ids are left out.
// :param ids => ['E1']
UNWIND range(0, size($ids) - 1) AS position
MATCH (p:Person)-[:ENGAGED_IN]->(e:Engagement {id: $ids[position]})-[:ON]->(g:Gig)
OPTIONAL MATCH (g)-[:OWNED_BY]->(owner:Person)
WITH position, p, e, g, owner
ORDER BY position
RETURN e {.*,
          person: p {.*},
          gig: g {.*},
          owner_id: owner.id,
          demonstrated: COLLECT {
            MATCH (e)-[d:DEMONSTRATED]->(s:Skill)
            RETURN d {.*, skill: s {.*}} ORDER BY s.label
          }} AS engagement
