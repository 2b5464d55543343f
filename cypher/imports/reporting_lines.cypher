// Every person with their manager: what an import's references and cycle check are held against.
MATCH (p:Person)
OPTIONAL MATCH (p)-[:REPORTS_TO]->(manager:Person)
RETURN p.id AS id, manager.id AS manager_id
