// The ids of the engagements in the graph, which an import's engagement_skills may refer to.
MATCH (e:Engagement)
RETURN e.id AS id
