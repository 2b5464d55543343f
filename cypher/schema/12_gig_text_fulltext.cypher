CREATE FULLTEXT INDEX gig_text IF NOT EXISTS FOR (g:Gig) ON EACH [g.title, g.description]
