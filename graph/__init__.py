"""The graph layer: settings, the Neo4j driver, the Cypher registry, errors and the local server."""
