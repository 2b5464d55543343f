CREATE INDEX person_gig_capacity_hours IF NOT EXISTS FOR (p:Person) ON (p.gig_capacity_hours)
