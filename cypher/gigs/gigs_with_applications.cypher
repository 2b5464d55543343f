// Ids of gigs that have applications, most applications first (what the API benchmark's gig
// page shows).
// :param count => 40
MATCH (g:Gig)
WITH g, COUNT { (g)<-[:TO]-(:Application) } AS applications
WHERE applications > 0
RETURN g.id AS id, applications
ORDER BY applications DESC, id
LIMIT $count
