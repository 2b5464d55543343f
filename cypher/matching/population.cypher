// How many people there are (from the count store): the pool that holds every candidate.
MATCH (p:Person)
RETURN count(p) AS people
