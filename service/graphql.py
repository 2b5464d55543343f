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

import logging
from typing import Any
from uuid import uuid4

from cross_web import HTTPException
from graphql import GraphQLError, parse
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UnsetType
from strawberry.utils.operation import get_operation_type

from graph.database import Database, QueryLog
from graph.errors import DatabaseUnavailable
from graph.errors import Forbidden as ForbiddenError
from graph.settings import ServiceSettings
from resolvers.context import Context
from resolvers.identity import AuthenticationFailed, Viewer
from resolvers.oidc import ProviderUnavailable
from schema import build_schema
from service.auth import oidc_verifier, viewer_from_header
from service.extensions import service_extensions
from service.web import graphiql_page

log = logging.getLogger("talentgraph.service")

GRAPHQL_RESPONSE = "application/graphql-response+json"
NOBODY = Viewer("", frozenset())  # a websocket's viewer until its connection_init authenticates
ACCEPTABLE = ("application/json", GRAPHQL_RESPONSE, "application/*", "*/*")


def _error(message: str, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]}, status_code=status, headers=headers)


def _is_mutation(request: Request) -> bool:
    """Whether a GET request names a mutation (strawberry's own reading of the operation; a query
    that does not parse is left for strawberry to report)."""
    query = request.query_params.get("query")
    if not query:
        return False
    try:
        document = parse(query)
        kind = get_operation_type(document, request.query_params.get("operationName"))
    except (GraphQLError, RuntimeError):
        return False
    return kind is OperationType.MUTATION


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
        self.oidc = oidc_verifier(settings)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        if self.graphql_ide and self.should_render_graphql_ide(self.request_adapter_class(request)):
            await (await self.render_graphql_ide(request))(scope, receive, send)
            return
        response = await self._authenticate(request) or self._refusal(request)
        if response is None:
            try:
                response = self._negotiated(request, await self.run(request))
            except HTTPException as error:
                response = self._http_error(error)
        await response(scope, receive, send)

    async def _authenticate(self, request: Request) -> Response | None:
        """Notes the request's viewer, or says why there is none: 401 for no or a bad token, 403
        for a provider's token of someone who is not an active person, 503 while the provider or
        the database cannot be asked."""
        try:
            request.scope["talentgraph.viewer"] = await viewer_from_header(
                request.headers.get("authorization"), request.state.db, self.settings, self.oidc
            )
        except AuthenticationFailed as error:
            headers = {"WWW-Authenticate": 'Bearer realm="talentgraph"'}
            return _error(error.message, 401, headers)
        except ForbiddenError as error:
            return _error(error.message, 403)
        except (ProviderUnavailable, DatabaseUnavailable) as error:
            log.warning("cannot authenticate: %s", error.message)
            return _error("signing in is unavailable; try again later", 503, {"Retry-After": "5"})
        return None

    def _refusal(self, request: Request) -> Response | None:
        """Why the request is refused before any GraphQL runs, or None."""
        accept = request.headers.get("accept")
        if accept and not any(media in accept for media in ACCEPTABLE):
            return _error(f"responses are application/json or {GRAPHQL_RESPONSE}", 406)
        content_type = request.headers.get("content-type", "")
        if request.method == "POST" and "application/json" not in content_type:
            return _error("send GraphQL as application/json", 415)
        if request.method == "GET" and _is_mutation(request):
            return _error("mutations need POST; GET runs queries only", 405, {"Allow": "POST"})
        return None

    @staticmethod
    def _http_error(error: HTTPException) -> Response:
        return _error(error.reason, error.status_code)

    @staticmethod
    def _negotiated(request: Request, response: Response) -> Response:
        if _wants_graphql_response(request) and response.media_type == "application/json":
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            if getattr(request.state, "not_executed", False):
                response.status_code = 400
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
            request_id=getattr(request.state, "request_id", None) or uuid4().hex,
        )
        request.state.context = context
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Websockets (subscriptions over graphql-transport-ws) authenticate in connection_init:
        its payload carries {"Authorization": "Bearer <token>"}; a bad token closes with 4403."""
        header = context.connection_params.get("Authorization")
        try:
            context.viewer = await viewer_from_header(
                header if isinstance(header, str) else None, context.db, self.settings, self.oidc
            )
        except (AuthenticationFailed, ForbiddenError) as error:
            raise ConnectionRejectionError({"message": error.message}) from error
        return await super().on_ws_connect(context)
