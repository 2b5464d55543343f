"""Resolvers: what each GraphQL field does, between the schema's types and the Cypher files."""
