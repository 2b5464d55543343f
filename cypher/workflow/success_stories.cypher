// Completed gigs where someone helped another department: hours, estimated savings against
// external hiring (hours worked x the gig's external hourly rate) and the skills grown.
// :param first => 10
MATCH (helper_department:Department)<-[:MEMBER_OF]-(p:Person)-[:ENGAGED_IN]->
      (e:Engagement {status: 'completed'})-[:ON]->(g:Gig)-[:FOR_DEPARTMENT]->(gig_department:Department)
WHERE helper_department <> gig_department
RETURN e {.*,
          person: p {.*},
          gig: g {.*},
          helper_department: helper_department.name,
          gig_department: gig_department.name,
          estimated_savings: coalesce(e.hours_worked, 0.0) * coalesce(g.external_hourly_rate, 0.0),
          demonstrated: COLLECT {
            MATCH (e)-[d:DEMONSTRATED]->(s:Skill)
            WHERE d.level > d.previous_level
            RETURN d {.*, skill: s {.*}} ORDER BY s.label
          }} AS story
ORDER BY e.completed_at DESC, e.id
LIMIT $first
