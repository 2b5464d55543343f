// Whether anyone active could have the hours a gig asks for: a weekly capacity
// (weekly_hours × gig_capacity_pct / 100, README "Matching") of at least the gig's hours per week.
// What is left for a gig is that capacity minus the hours of active engagements, which are
// positive, so when nobody's capacity reaches the gig's hours, match_candidates.cypher with
// $available_only has no candidate at any pool size, and the API need not widen its pool to
// prove it. No row when the gig does not exist.
// :param gig_id => 'G1'
MATCH (g:Gig {id: $gig_id})
RETURN EXISTS {
  MATCH (p:Person)
  WHERE p.active
    AND coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0
          >= coalesce(g.hours_per_week, 0.0)
} AS reachable
