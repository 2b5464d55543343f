"""The GraphQL endpoint: GraphQL over HTTP, authentication, the per-request context, limits.

- POST with `application/json`, or GET with the query in the URL (GET runs queries only: a
  mutation is refused with 405).
- A client that accepts `application/graphql-response+json` gets that media type, and a request
  that could not be executed at all (syntax, validation, limits) gets 400 without `data`; with
  `application/json` such responses are 200, as that older convention expects.
- A request that is not GraphQL (bad JSON, no query, another content type) gets a JSON error and a
  4xx status, never a stack trace.
"""

from __future__ import annotations

from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UnsetType

from graph.database import Database, QueryLog
from graph.settings import ServiceSettings
from resolvers.context import Context
from resolvers.identity import AuthenticationFailed, Viewer
from schema import build_schema
from service.auth import viewer_from_header
from service.extensions import service_extensions
from service.web import graphiql_page

GRAPHQL_RESPONSE = "application/graphql-response+json"
NOBODY = Viewer("", frozenset())  # a websocket's viewer until its connection_init authenticates
ACCEPTABLE = ("application/json", GRAPHQL_RESPONSE, "application/*", "*/*")


def _error(message: str, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]}, status_code=status, headers=headers)


def _wants_graphql_response(request: Request) -> bool:
    return GRAPHQL_RESPONSE in request.headers.get("accept", "")


class TalentGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with bearer authentication and a context per request."""

    def __init__(self, settings: ServiceSettings) -> None:
        super().__init__(
            build_schema(service_extensions(settings)),
            graphql_ide="graphiql" if settings.graphiql_enabled else None,
            allow_queries_via_get=True,
            allowed_origins=settings.cors_origins,
        )
        self.settings = settings

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        if self._is_ide_page(scope):
            await (await self.render_graphql_ide(request))(scope, receive, send)
            return
        response = self._refusal(request)
        if response is None:
            try:
                response = self._negotiated(request, await self.run(request))
            except HTTPException as error:
                response = self._http_error(error)
        await response(scope, receive, send)

    def _refusal(self, request: Request) -> Response | None:
        """Why the request is refused before any GraphQL runs, or None."""
        try:
            request.scope["talentgraph.viewer"] = viewer_from_header(
                request.headers.get("authorization"), self.settings.secret
            )
        except AuthenticationFailed as error:
            headers = {"WWW-Authenticate": 'Bearer realm="talentgraph"'}
            return _error(error.message, 401, headers)
        accept = request.headers.get("accept")
        if accept and not any(media in accept for media in ACCEPTABLE):
            return _error(f"responses are application/json or {GRAPHQL_RESPONSE}", 406)
        content_type = request.headers.get("content-type", "")
        if request.method == "POST" and "application/json" not in content_type:
            return _error("send GraphQL as application/json", 415)
        return None

    @staticmethod
    def _http_error(error: HTTPException) -> Response:
        cause = error.__cause__
        if (
            isinstance(cause, InvalidOperationTypeError)
            and cause.operation_type is OperationType.MUTATION
        ):
            return _error("mutations need POST; GET runs queries only", 405, {"Allow": "POST"})
        return _error(error.reason, error.status_code)

    @staticmethod
    def _negotiated(request: Request, response: Response) -> Response:
        if _wants_graphql_response(request) and response.media_type == "application/json":
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            if getattr(request.state, "not_executed", False):
                response.status_code = 400
        context: Context | None = getattr(request.state, "context", None)
        if context is not None:
            response.headers["X-Request-Id"] = context.request_id
        return response

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response body; notes on the request whether the operation ran at all."""
        body = await super().process_result(request, result)
        not_executed = bool(
            result.data is None
            and result.errors
            and all(error.path is None for error in result.errors)
        )
        request.state.not_executed = not_executed
        if not_executed and _wants_graphql_response(request):
            body.pop("data", None)
        return body

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from the web build: its assets are served here, never from a CDN."""
        return graphiql_page(self.settings.web_dist)

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
        context = Context(
            db=db.with_log(query_log),
            viewer=request.scope.get("talentgraph.viewer", NOBODY),
            settings=self.settings,
            query_log=query_log,
        )
        request.state.context = context
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Websockets (subscriptions over graphql-transport-ws) authenticate in connection_init:
        its payload carries {"Authorization": "Bearer <token>"}; a bad token closes with 4403."""
        header = context.connection_params.get("Authorization")
        try:
            context.viewer = viewer_from_header(
                header if isinstance(header, str) else None, self.settings.secret
            )
        except AuthenticationFailed as error:
            raise ConnectionRejectionError({"message": error.message}) from error
        return await super().on_ws_connect(context)
