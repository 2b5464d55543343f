CREATE INDEX gig_status IF NOT EXISTS FOR (g:Gig) ON (g.status)
