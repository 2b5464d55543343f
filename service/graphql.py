"""The GraphQL endpoint: GraphQL over HTTP, authentication, the per-request context, limits.

- POST with `application/json`, or GET with the query in the URL (GET runs queries only: a
  mutation is refused with 405).
- A client that accepts `application/graphql-response+json` gets that media type, and a request
  that could not be executed at all (syntax, validation, limits) gets 400 without `data`; with
  `application/json` such responses are 200, as that older convention expects.
- A request that is not GraphQL (bad JSON, a body that is not a JSON object, invalid UTF-8, no
  query, another content type, a body over `TALENTGRAPH_MAX_BODY_BYTES`) gets a JSON error and a
  4xx status, never a stack trace. Media types are matched as media types (case-insensitively,
  parameters aside), never as substrings.
- Every error carries `extensions.code` (see `service.codes`), so a client can branch on it.
- While the database does not answer, a request that needed it gets 503 with `Retry-After` and
  the GraphQL error `UNAVAILABLE`, within the service's database deadlines.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import orjson
from cross_web import HTTPException
from starlette.requests import ClientDisconnect, Request
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
from graph.errors import DatabaseUnavailable, Forbidden
from graph.settings import ServiceSettings
from resolvers.context import Context
from resolvers.identity import AuthenticationFailed, Viewer
from resolvers.oidc import ProviderUnavailable
from schema import build_schema
from service import codes
from service.auth import oidc_verifier, viewer_from_header
from service.extensions import ServiceSchema, coded, service_extensions, without_suggestions
from service.rate_limit import RateLimiter
from service.web import graphiql_page

log = logging.getLogger("talentgraph.service")

GRAPHQL_RESPONSE = "application/graphql-response+json"
UNAVAILABLE_MESSAGE = "The database is unavailable; try again later."
NOBODY = Viewer("", frozenset())  # a websocket's viewer until its connection_init authenticates
ACCEPTABLE = frozenset({"application/json", GRAPHQL_RESPONSE, "application/*", "*/*"})
Receive = Callable[[], Awaitable[dict[str, Any]]]


def _error(
    message: str, status: int, code: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers)


def media_type(header: str) -> str:
    """The media type of a Content-Type header, lower case, without parameters."""
    return header.partition(";")[0].strip().lower()


def accepted_media_types(header: str) -> set[str]:
    """The media ranges an Accept header accepts (those with q=0 refused)."""
    accepted = set()
    for item in header.split(","):
        media, *parameters = (part.strip() for part in item.split(";"))
        refused = any(p.replace(" ", "").lower() in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
                      for p in parameters)  # fmt: skip
        if media and not refused:
            accepted.add(media.lower())
    return accepted


def _wants_graphql_response(request: Request) -> bool:
    return GRAPHQL_RESPONSE in accepted_media_types(request.headers.get("accept", ""))


class BodyTooLarge(Exception):
    """The request body is longer than the service takes."""


async def bounded_body(request: Request, limit: int) -> bytes:
    """The whole body, read as it arrives, or `BodyTooLarge` as soon as it passes `limit` bytes
    (at once when Content-Length says so): a 10 MB body is never held, let alone parsed."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def replay(body: bytes) -> Receive:
    """An ASGI `receive` that hands over a body already read."""
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


class TalentGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with bearer authentication and a context per request."""

    def __init__(self, settings: ServiceSettings) -> None:
        super().__init__(
            build_schema(service_extensions(settings), ServiceSchema),
            graphql_ide="graphiql" if settings.graphiql_enabled else None,
            allow_queries_via_get=True,
            allowed_origins=settings.cors_origins,
        )
        self.settings = settings
        self.oidc = oidc_verifier(settings)
        self.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        if self.graphql_ide and self.should_render_graphql_ide(self.request_adapter_class(request)):
            await (await self.render_graphql_ide(request))(scope, receive, send)
            return
        response = (
            await self._authenticate(request)
            or self._refusal(request)
            or self._rate_limited(request)
        )
        if response is None and request.method == "POST":
            try:
                request = Request(
                    scope, replay(await bounded_body(request, self.settings.max_body_bytes))
                )
            except BodyTooLarge:
                limit = self.settings.max_body_bytes
                response = _error(
                    f"the request body is larger than {limit:,} bytes", 413, codes.BODY_TOO_LARGE
                )
            except ClientDisconnect:
                log.info("the client went away before its request had arrived")
                return
        if response is None:
            try:
                response = self._negotiated(request, await self.run(request))
            except HTTPException as error:
                response = self._http_error(error)
        await response(scope, receive, send)

    async def _authenticate(self, request: Request) -> Response | None:
        """Notes the request's viewer, or says why there is none: 401 for no or a bad token, 403
        for a token of someone who is no active person (left, or never existed), 503 while the
        provider or the database cannot be asked."""
        try:
            request.scope["talentgraph.viewer"] = await viewer_from_header(
                request.headers.get("authorization"), request.state.db, self.settings, self.oidc
            )
        except AuthenticationFailed as error:
            headers = {"WWW-Authenticate": 'Bearer realm="talentgraph"'}
            return _error(error.message, 401, codes.UNAUTHENTICATED, headers)
        except Forbidden as error:
            return _error(error.message, 403, codes.FORBIDDEN_VIEWER)
        except (ProviderUnavailable, DatabaseUnavailable) as error:
            log.warning("cannot authenticate: %s", error.message)
            retry = {"Retry-After": str(self.settings.retry_after_s)}
            message = (
                UNAVAILABLE_MESSAGE
                if isinstance(error, DatabaseUnavailable)
                else "signing in is unavailable; try again later"
            )
            return _error(message, 503, codes.UNAVAILABLE, retry)
        return None

    def encode_json(self, data: object) -> str:
        """A response body (and a websocket message): compact JSON by orjson, some 10x faster
        than `json` on a page of 50 people. Text outside ASCII is UTF-8, not `\\u` escapes;
        what orjson refuses (an integer past 64 bits in a custom scalar) `json` encodes."""
        try:
            return orjson.dumps(data).decode()
        except TypeError:
            return json.dumps(data, separators=(",", ":"))

    def decode_json(self, data: str | bytes) -> object:
        """A POST body: one JSON object, in UTF-8. Anything else is the client's mistake (400)."""
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
        except UnicodeDecodeError as error:
            raise HTTPException(400, "the request body is not UTF-8 text") from error
        decoded = json.loads(text)
        if not isinstance(decoded, dict):
            raise HTTPException(
                400, 'the request body must be a JSON object: {"query": "...", "variables": {}}'
            )
        return decoded

    def _refusal(self, request: Request) -> Response | None:
        """Why the request is refused before any GraphQL runs, or None."""
        accept = request.headers.get("accept")
        if accept and not accepted_media_types(accept) & ACCEPTABLE:
            return _error(
                f"responses are application/json or {GRAPHQL_RESPONSE}", 406, codes.NOT_ACCEPTABLE
            )
        content_type = media_type(request.headers.get("content-type", ""))
        if request.method == "POST" and content_type != "application/json":
            return _error("send GraphQL as application/json", 415, codes.UNSUPPORTED_MEDIA_TYPE)
        if request.method == "POST":
            # strawberry matches the media type by substring and case; hand it the plain one
            request.scope["headers"] = [
                (name, b"application/json" if name == b"content-type" else value)
                for name, value in request.scope["headers"]
            ]
        return None

    def _rate_limited(self, request: Request) -> Response | None:
        """429 once a viewer sends more than their share (`TALENTGRAPH_RATE_LIMIT_*`)."""
        viewer: Viewer = request.scope["talentgraph.viewer"]
        wait = self.rate_limiter.wait_s(viewer.person_id)
        if not wait:
            return None
        return _error(
            f"too many requests: at most {self.settings.rate_limit_per_minute} a minute; "
            f"try again in {wait} s",
            429,
            codes.RATE_LIMITED,
            {"Retry-After": str(wait)},
        )
        return None

    @staticmethod
    def _http_error(error: HTTPException) -> Response:
        cause = error.__cause__
        if (
            isinstance(cause, InvalidOperationTypeError)
            and cause.operation_type is OperationType.MUTATION
        ):
            return _error(
                "mutations need POST; GET runs queries only",
                405,
                codes.METHOD_NOT_ALLOWED,
                {"Allow": "POST"},
            )
        return _error(error.reason, error.status_code, codes.for_status(error.status_code))

    def _negotiated(self, request: Request, response: Response) -> Response:
        if _wants_graphql_response(request) and response.media_type == "application/json":
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            if getattr(request.state, "not_executed", False):
                response.status_code = 400
        if getattr(request.state, "unavailable", False):
            response.status_code = 503
            response.headers["Retry-After"] = str(self.settings.retry_after_s)
        return response

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response body; notes on the request whether the operation ran at all. Errors
        raised before the operation ran (syntax) get their code here."""
        if result.errors:
            result.errors = [coded(error) for error in result.errors]
            if not self.settings.introspection_enabled:
                result.errors = [without_suggestions(error) for error in result.errors]
        body = await super().process_result(request, result)
        not_executed = bool(
            result.data is None
            and result.errors
            and all(error.path is None for error in result.errors)
        )
        request.state.not_executed = not_executed
        request.state.unavailable = any(
            (error.extensions or {}).get("code") == codes.UNAVAILABLE
            for error in result.errors or []
        )
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
            workers=request.state.workers,
        )
        if isinstance(request, WebSocket):
            context.end_session = lambda: request.close(4401, "the token expired")
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
        except (AuthenticationFailed, Forbidden, DatabaseUnavailable, ProviderUnavailable) as error:
            raise ConnectionRejectionError({"message": error.message}) from error
        expires_at, end = context.viewer.expires_at, context.end_session
        if expires_at is not None and end is not None:
            remaining = (expires_at - datetime.now(UTC)).total_seconds()
            context.session_expiry = asyncio.get_running_loop().call_later(
                max(0.0, remaining), lambda: asyncio.ensure_future(end())
            )
        return await super().on_ws_connect(context)
