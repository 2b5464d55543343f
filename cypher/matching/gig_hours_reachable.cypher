// Whether anyone active has the hours a gig asks for left: a weekly gig capacity
// (weekly_hours × gig_capacity_pct / 100, README "Matching") minus the hours of their active
// engagements of at least the gig's hours per week. When nobody has, match_candidates.cypher
// with $available_only has no candidate at any pool size, and the API need not widen its pool to
// prove it. People are sought through the index on their capacity (`gig_capacity_hours`, which
// the imports and profile edits keep), so a gig asking more hours than anyone's capacity is
// answered without reading anyone. No row when the gig does not exist.
// :param gig_id => 'G1'
MATCH (g:Gig {id: $gig_id})
WITH coalesce(g.hours_per_week, 0.0) AS hours
RETURN EXISTS {
  MATCH (p:Person)
  WHERE p.gig_capacity_hours >= hours AND p.active
    AND coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0
        - reduce(committed = 0.0, engaged IN COLLECT {
            MATCH (p)-[:ENGAGED_IN]->(e:Engagement)
            WHERE e.status = 'active'
            RETURN coalesce(e.hours_per_week, 0.0)
          } | committed + engaged) >= hours
} AS reachable
