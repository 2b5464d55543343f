"""The HTTP service: the Starlette app, authentication and the GraphQL endpoint."""
