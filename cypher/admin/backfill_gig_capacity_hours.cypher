// Gives people imported before `gig_capacity_hours` existed their weekly gig capacity,
// weekly_hours × gig_capacity_pct / 100 (idempotent: touches only people without one; the
// imports and profile edits keep it up to date from then on).
MATCH (p:Person) WHERE p.gig_capacity_hours IS NULL
SET p.gig_capacity_hours = coalesce(p.weekly_hours, 0.0) * coalesce(p.gig_capacity_pct, 0.0) / 100.0
