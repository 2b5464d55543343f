"""What an operator reads: logs, metrics and (optionally) traces.

- **Logs.** One `logging` configuration for uvicorn and talentgraph (`log_config`), rendered by
  structlog: JSON lines in production (one object per line, `timestamp`, `level`, `logger`,
  `event` and the record's fields; a traceback in `exception`), readable lines in development.
  `ObservedRequests` writes one line per request (`event: "request"`): request id, method, path,
  GraphQL operation name, viewer id, status, outcome, duration and the number of Cypher queries.
- **Request ids.** A request's `X-Request-Id` header is kept when it is a sane token (letters,
  digits, `-_.:`, at most 128), else one is made; the response carries it, the request log line,
  masked errors and the GraphQL context carry the same.
- **Metrics.** `/metrics` in Prometheus' text format: the metrics of `graph.metrics` plus the
  driver pool's connections, read when scraped. Under several worker processes set
  `PROMETHEUS_MULTIPROC_DIR` and every worker's figures are summed.
- **Traces.** With `TALENTGRAPH_TRACING=true`, OpenTelemetry spans for each HTTP request
  (Starlette instrumentation) and GraphQL operation and resolver (strawberry's extension), on the
  global tracer provider; an exporter is the deployment's choice (none is needed to run).
"""

from __future__ import annotations

import logging
import os
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import structlog
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.database import Database
from graph.metrics import REQUEST_SECONDS, REQUESTS
from graph.settings import ServiceSettings

log = logging.getLogger("talentgraph.request")

REQUEST_ID_HEADER = "x-request-id"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
MAX_OPERATION_NAMES = 200  # distinct operation names a process counts before "other"
CONTEXT_KEY = "context"  # where the GraphQL view leaves its Context in the request's state

_STATUS_OUTCOMES = {401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 503: "UNAVAILABLE"}


# -- logs ---------------------------------------------------------------------------------------


def _drop_color_message(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    """uvicorn adds its message with terminal colours as `color_message`: noise in a log line."""
    event.pop("color_message", None)
    return event


def _shared_processors() -> list[Any]:
    return [
        _drop_color_message,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.ExtraAdder(),
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def json_formatter() -> structlog.stdlib.ProcessorFormatter:
    """One JSON object per line; a record's exception as a `exception` traceback string."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
    )


def console_formatter() -> structlog.stdlib.ProcessorFormatter:
    """Aligned, readable lines for a developer's terminal."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.dev.ConsoleRenderer(colors=False),
        ],
    )


def log_config(settings: ServiceSettings) -> dict[str, Any]:
    """The `logging.config.dictConfig` of the service; uvicorn applies it in every worker."""
    formatter = "json" if settings.log_format_resolved == "json" else "console"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "service.observability.json_formatter"},
            "console": {"()": "service.observability.console_formatter"},
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": formatter,
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": settings.log_level},
        "loggers": {
            # Our own line per request replaces uvicorn's access log.
            "uvicorn.access": {"level": "WARNING"},
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            # Strawberry logs every GraphQL error with a traceback; ErrorPolicy logs user errors
            # as one line and bugs with their traceback instead.
            "strawberry.execution": {"level": "CRITICAL", "propagate": False},
        },
    }


def request_id_of(scope: Scope) -> str:
    """The request's id: its sane `X-Request-Id` header, else a new one."""
    for name, value in scope.get("headers") or []:
        if name == REQUEST_ID_HEADER.encode():
            candidate: str = value.decode("latin-1")
            if _SANE_REQUEST_ID.fullmatch(candidate):
                return candidate
    return uuid.uuid4().hex


# -- requests -----------------------------------------------------------------------------------


class _OperationNames:
    """Bounds the `operation` label: clients choose operation names, and a label per arbitrary
    name would grow the metrics without end."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: set[str] = set()

    def label(self, name: str) -> str:
        if name in self.seen:
            return name
        if len(self.seen) < self.limit:
            self.seen.add(name)
            return name
        return "other"


class ObservedRequests:
    """ASGI middleware: the request id, one log line and the request metrics per HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.operation_names = _OperationNames(MAX_OPERATION_NAMES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        # This request's own copy of the lifespan state (as the ASGI spec asks of servers; some
        # test transports share one dict), so what the request notes in it stays its own.
        state: dict[str, Any] = {**scope.get("state", {}), "request_id": request_id}
        scope["state"] = state
        status = 500
        began = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() != REQUEST_ID_HEADER.encode()
                ]
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception(
                "request failed",
                extra={"request_id": request_id, "method": scope["method"], "path": scope["path"]},
            )
            raise
        finally:
            self._record(scope, state, request_id, status, time.perf_counter() - began)

    def _record(
        self, scope: Scope, state: dict[str, Any], request_id: str, status: int, seconds: float
    ) -> None:
        context = state.get(CONTEXT_KEY)
        operation = getattr(context, "operation_name", None)
        outcome = getattr(context, "outcome", None) or self._outcome_of_status(status)
        viewer = getattr(getattr(context, "viewer", None), "person_id", None) or None
        queries = context.query_log.total if context is not None else 0
        if scope["path"] == "/metrics":
            return  # scrapes every few seconds would drown the log
        label = self.operation_names.label(operation or scope["path"])
        REQUESTS.labels(label, outcome).inc()
        REQUEST_SECONDS.labels(label).observe(seconds)
        log.info(
            "request",
            extra={
                "request_id": request_id,
                "method": scope["method"],
                "path": scope["path"],
                "operation": operation,
                "viewer": viewer,
                "status": status,
                "outcome": outcome,
                "duration_ms": round(seconds * 1000, 1),
                "cypher_queries": queries,
            },
        )

    @staticmethod
    def _outcome_of_status(status: int) -> str:
        if status < 400:
            return "ok"
        if status in _STATUS_OUTCOMES:
            return _STATUS_OUTCOMES[status]
        return "BAD_REQUEST" if status < 500 else "INTERNAL"


# -- metrics ------------------------------------------------------------------------------------


class DriverPoolCollector(Collector):
    """The Neo4j driver's connection pool, read when scraped: connections in use and idle per
    server, and the pool's maximum size."""

    def __init__(self, db: Database, max_size: int) -> None:
        self.db = db
        self.max_size = max_size

    def collect(self) -> Iterable[Metric]:
        in_use = GaugeMetricFamily(
            "talentgraph_neo4j_pool_connections",
            "Connections of the driver's pool, by server address and state.",
            labels=["address", "state"],
        )
        pool = getattr(self.db.driver, "_pool", None)
        connections: dict[Any, Any] = dict(getattr(pool, "connections", {}) or {})
        for address, members in connections.items():
            members = list(members)
            busy = sum(1 for connection in members if getattr(connection, "in_use", False))
            in_use.add_metric([str(address), "in_use"], busy)
            in_use.add_metric([str(address), "idle"], len(members) - busy)
        yield in_use
        yield GaugeMetricFamily(
            "talentgraph_neo4j_pool_max_connections",
            "The most connections the pool opens to one server.",
            value=self.max_size,
        )

    def describe(self) -> Iterator[Metric]:
        return iter(())


def metrics_endpoint(db_registry: CollectorRegistry) -> Any:
    """`/metrics`: every worker's figures (multiprocess mode) or this process's."""

    async def metrics(request: Request) -> Response:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            body = generate_latest(registry) + generate_latest(db_registry)
        else:
            body = generate_latest(REGISTRY) + generate_latest(db_registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return metrics


# -- traces -------------------------------------------------------------------------------------


def instrument_tracing(app: Starlette) -> None:
    """Spans for each HTTP request on the global tracer provider (the deployment sets one up
    with its exporter, e.g. through `opentelemetry-instrument`); imported only when tracing is
    on, so the packages are needed only then. `OTEL_PYTHON_STARLETTE_EXCLUDED_URLS=metrics,healthz`
    keeps probes out of the traces."""
    from opentelemetry.instrumentation.starlette import StarletteInstrumentor

    StarletteInstrumentor.instrument_app(app)
