"""Every Cypher query of talentgraph, one per `.cypher` file by domain. No Python lives here: this
file only makes the folder a package, so `graph.queries` reads the queries through
`importlib.resources` from a checkout and from an installed wheel alike."""
