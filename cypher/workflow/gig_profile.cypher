// A person's gig record: completed gigs with what they demonstrated, the endorsements colleagues
// gave them, each skill with when it was last confirmed, and the colleagues who worked on the
// same completed gigs (with those gigs, latest first): who may endorse whom.
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
          },
          colleagues: COLLECT {
            MATCH (p)-[:ENGAGED_IN]->(:Engagement {status: 'completed'})-[:ON]->(:Gig)
                  <-[:ON]-(:Engagement {status: 'completed'})<-[:ENGAGED_IN]-(c:Person)
            WHERE c <> p
            WITH DISTINCT p, c
            RETURN {person: c {.*}, gigs: COLLECT {
                      MATCH (p)-[:ENGAGED_IN]->(:Engagement {status: 'completed'})-[:ON]->(g:Gig)
                            <-[:ON]-(:Engagement {status: 'completed'})<-[:ENGAGED_IN]-(c)
                      WITH DISTINCT g
                      RETURN g {.*} ORDER BY g.completed_at DESC, g.id
                    }}
            ORDER BY c.name, c.id
          }} AS profile
