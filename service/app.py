"""The Starlette application: GraphQL at /graphql, /healthz, /readyz, /metrics, /auth/config
and the web app at /.

The Neo4j driver is opened and closed in the lifespan, one per process, and so is the worker
process the collaboration analysis runs in (started at the first analysis); the service keeps no
other state, so several processes can serve side by side behind a load balancer.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from concurrent.futures import Executor
from contextlib import asynccontextmanager
from typing import Any, TypedDict

from prometheus_client import CollectorRegistry
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute

from graph.connection import configured_connection
from graph.database import POOL_SIZE, ConnectionInfo, Database, Deadlines
from graph.errors import TalentGraphError
from graph.migrate import apply_schema, schema_ready
from graph.settings import DeliverySettings, ServiceSettings, SmtpSettings, service_settings
from resolvers.analytics import analysis_workers
from resolvers.oidc import OidcVerifier
from service.browser_guide import browser_guide, browser_style, open_to_neo4j_browser
from service.delivery import delivery_loop, delivery_routes
from service.dev_signin import dev_signin_routes
from service.exports import EXPORTS
from service.graphql import TalentGraphQL
from service.observability import (
    DriverPoolCollector,
    ObservedRequests,
    instrument_tracing,
    metrics_endpoint,
)
from service.web import WebApp

log = logging.getLogger("talentgraph.service")


class State(TypedDict):
    db: Database
    settings: ServiceSettings
    oidc: OidcVerifier | None
    workers: Executor


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Ready when Neo4j answers and the schema is in place (applied here if it is missing,
    so a database that was down at start-up needs no restart of the service)."""
    db: Database = request.state.db.without_transaction_deadline()
    try:
        await db.verify()
        if not await schema_ready(db):
            await apply_schema(db)
    except TalentGraphError as error:
        settings: ServiceSettings = request.state.settings
        return JSONResponse(
            {"status": "unavailable", "reason": error.message},
            status_code=503,
            headers={"Retry-After": str(settings.retry_after_s)},
        )
    return JSONResponse({"status": "ready"})


async def auth_config(request: Request) -> Response:
    """What a client needs to sign people in: the OpenID Connect provider and the web app's public
    client (authorization code + PKCE, S256), and whether HS256 development tokens work."""
    settings: ServiceSettings = request.state.settings
    oidc = None
    if settings.oidc_issuer:
        oidc = {
            "issuer": settings.oidc_issuer,
            "clientId": settings.oidc_web_client_id,
            "scope": "openid",
            "audience": settings.oidc_audience,
        }
    return JSONResponse({"oidc": oidc, "devTokens": settings.hs256_enabled})


def service_deadlines(settings: ServiceSettings) -> Deadlines:
    """The service fails fast: a client learns of an outage within these, not after minutes."""
    return Deadlines(
        connect_s=settings.db_connect_timeout_s,
        acquisition_s=settings.db_acquisition_timeout_s,
        transaction_s=settings.db_transaction_timeout_s,
        liveness_check_s=settings.db_liveness_check_s,
        outage_probe_s=settings.db_outage_probe_s,
    )


def create_app(
    settings: ServiceSettings | None = None,
    connection: ConnectionInfo | None = None,
    *,
    delivery: DeliverySettings | None = None,
    smtp: SmtpSettings | None = None,
) -> Starlette:
    settings = settings or service_settings()
    delivery = delivery or DeliverySettings()
    smtp = smtp or SmtpSettings()
    pool_registry = CollectorRegistry()  # this app's driver pool, next to the global metrics
    graphql = TalentGraphQL(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[State]:
        db = Database.connect(connection or configured_connection(), service_deadlines(settings))
        pool = DriverPoolCollector(db, POOL_SIZE)
        pool_registry.register(pool)
        try:
            await apply_schema(db.without_transaction_deadline())
        except TalentGraphError as error:
            log.warning("schema not applied at start-up (%s); /readyz will retry", error.message)
        try:
            with analysis_workers() as workers:
                async with delivery_loop(db, delivery, smtp, settings.secret.get_secret_value()):
                    yield {"db": db, "settings": settings, "oidc": graphql.oidc, "workers": workers}
        finally:
            pool_registry.unregister(pool)
            await db.close()

    middleware: list[Middleware] = [Middleware(ObservedRequests)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "Accept"],
                expose_headers=["X-Request-Id"],
            )
        )
    routes: list[Any] = [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint(pool_registry)),
        Route("/auth/config", auth_config),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/browser-guide", open_to_neo4j_browser(browser_guide)),
        Route(
            "/browser-guide/style.grass", open_to_neo4j_browser(browser_style), name="browser-style"
        ),
        *delivery_routes(),
        *EXPORTS,
        *dev_signin_routes(settings),
        Mount("/", WebApp(settings.web_dist)),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    if settings.tracing:
        instrument_tracing(app)
    return app


def create_served_app() -> Starlette:
    """`create_app` as `talentgraph serve` runs it: each worker process serves this one app until
    it stops, so what start-up built (the modules, the schema, the app) is moved out of the
    garbage collector's sight (`gc.freeze`). A request makes thousands of short-lived objects
    (a directory page: records, types and response maps for 50 people and their 700 skills); the
    full collections they trigger then no longer walk everything the process has ever loaded."""
    app = create_app()
    gc.freeze()
    return app
