// The graph model as Neo4j sees it: every label and relationship type, drawn as one graph
// (README "The graph model" says what each property means).
CALL db.schema.visualization()
