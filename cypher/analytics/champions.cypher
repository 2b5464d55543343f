// Champions: people to ask for a success story and to invite to a launch. Members (active, not
// opted out: Person.champion_opt_out) of the department or its sub-departments with, in
// [start, end): engagements they completed as a helper rated at least min_rating, the other
// departments whose gigs they worked on, the endorsements they gave, and their place among the
// brokers of the collaboration graph (betweenness, computed by networkx: the API passes the
// period's brokers as $brokers). Points: 2 per well-rated gig, 1 per other department helped,
// 1 per endorsement given (at most 3), 3 for a broker; most points first. The departments helped
// are named for the people listed only.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
// :param min_rating => 4
// :param brokers => []
// :param limit => 10
CALL () {
  MATCH (own:Department)<-[:MEMBER_OF]-(p:Person)-[:ENGAGED_IN]->(e:Engagement {status: 'completed'})
        -[:ON]->(:Gig)-[:FOR_DEPARTMENT]->(gd:Department)
  WHERE e.completed_at >= $start AND e.completed_at < $end
  RETURN p, CASE WHEN e.rating >= $min_rating THEN 1 ELSE 0 END AS good,
         CASE WHEN e.rating >= $min_rating THEN e.rating END AS rating,
         CASE WHEN gd <> own THEN gd.id END AS helped, 0 AS endorsements, null AS betweenness
  UNION ALL
  MATCH (p:Person)<-[:BY]-(n:Endorsement)
  WHERE n.created_at >= $start AND n.created_at < $end
  RETURN p, 0 AS good, null AS rating, null AS helped, 1 AS endorsements, null AS betweenness
  UNION ALL
  UNWIND $brokers AS broker
  MATCH (p:Person {id: broker.id})
  RETURN p, 0 AS good, null AS rating, null AS helped, 0 AS endorsements,
         broker.betweenness AS betweenness
}
WITH p, sum(good) AS good_gigs, avg(rating) AS average_rating,
     collect(DISTINCT helped) AS helped, sum(endorsements) AS endorsements_given,
     max(betweenness) AS betweenness
WHERE coalesce(p.active, true) AND NOT coalesce(p.champion_opt_out, false)
MATCH (p)-[:MEMBER_OF]->(d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
WITH p, d, good_gigs, average_rating, endorsements_given, betweenness, helped,
     2 * good_gigs + size(helped)
       + CASE WHEN endorsements_given > 3 THEN 3 ELSE endorsements_given END
       + CASE WHEN betweenness IS NULL THEN 0 ELSE 3 END AS points
WHERE points > 0
ORDER BY points DESC, good_gigs DESC, p.name, p.id
LIMIT $limit
RETURN p.id AS person_id, p.name AS name, d.id AS department_id, d.name AS department_name,
       good_gigs, average_rating,
       COLLECT { MATCH (h:Department) WHERE h.id IN helped RETURN h.name ORDER BY h.name }
         AS departments_helped,
       endorsements_given, betweenness, points
ORDER BY points DESC, good_gigs DESC, name, person_id
