"""The GraphQL endpoint: authentication, the per-request context, and error masking."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from graph.database import Database, QueryLog
from graph.settings import ServiceSettings
from resolvers.context import Context
from schema import schema
from service.auth import AuthenticationFailed, viewer_from_header


class TalentGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with bearer authentication and a context per request."""

    def __init__(self, settings: ServiceSettings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql_enabled else None,
            allow_queries_via_get=True,
        )
        self.settings = settings

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not self._is_ide_page(scope):
            request = Request(scope, receive)
            try:
                scope["talentgraph.viewer"] = viewer_from_header(
                    request.headers.get("authorization"), self.settings.secret
                )
            except AuthenticationFailed as error:
                response = JSONResponse(
                    {"errors": [{"message": error.message}]},
                    status_code=401,
                    headers={"WWW-Authenticate": 'Bearer realm="talentgraph"'},
                )
                await response(scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    def _is_ide_page(self, scope: Any) -> bool:
        if scope["method"] != "GET" or not self.settings.graphiql_enabled:
            return False
        headers = dict(scope.get("headers") or [])
        accept = headers.get(b"accept", b"").decode("latin-1")
        return "text/html" in accept and b"query=" not in scope.get("query_string", b"")

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        db: Database = request.state.db
        query_log = QueryLog()
        return Context(
            db=db.with_log(query_log),
            viewer=request.scope["talentgraph.viewer"],
            settings=self.settings,
            query_log=query_log,
        )


def graphql_app(settings: ServiceSettings) -> TalentGraphQL:
    return TalentGraphQL(settings)
