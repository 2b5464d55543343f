// A person's gig record: completed gigs with what they demonstrated, the endorsements colleagues
// gave them, and each skill with when it was last confirmed.
// :param person_id => 'P2'
MATCH (p:Person {id: $person_id})
RETURN p {.*,
          completed: COLLECT {
            MATCH (p)-[:ENGAGED_IN]->(e:Engagement {status: 'completed'})-[:ON]->(g:Gig)
            RETURN e {.*,
                      person: p {.*},
                      gig: g {.*},
                      demonstrated: COLLECT {
                        MATCH (e)-[d:DEMONSTRATED]->(s:Skill)
                        RETURN d {.*, skill: s {.*}} ORDER BY s.label
                      }}
            ORDER BY e.completed_at DESC
          },
          endorsements: COLLECT {
            MATCH (endorser:Person)<-[:BY]-(x:Endorsement)-[:OF]->(p),
                  (x)-[:SKILL]->(s:Skill), (x)-[:ON]->(g:Gig)
            RETURN x {.*, endorser_id: endorser.id, endorser_name: endorser.name,
                      person_id: p.id, gig_id: g.id, gig_title: g.title, skill: s {.*}}
            ORDER BY x.created_at DESC
          },
          skills: COLLECT {
            MATCH (p)-[r:HAS_SKILL]->(s:Skill)
            RETURN r {.*, skill: s {.*}} ORDER BY s.label
          }} AS profile
