// The ids of the gigs in the graph, which an import's gig_skills and engagements may refer to.
MATCH (g:Gig)
RETURN g.id AS id
