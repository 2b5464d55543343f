// Every person with their manager and e-mail key: what an import's references, cycle check and
// e-mail uniqueness are held against.
MATCH (p:Person)
OPTIONAL MATCH (p)-[:REPORTS_TO]->(manager:Person)
RETURN p.id AS id, manager.id AS manager_id, p.email_key AS email_key
