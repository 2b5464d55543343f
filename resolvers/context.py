"""The per-request context every resolver receives."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from strawberry.types import Info as StrawberryInfo

from graph.database import Database, QueryLog
from graph.settings import ServiceSettings
from resolvers.identity import Viewer


@dataclass
class Context:
    """What one request may use: the database (counting its queries), the viewer, the settings,
    the request's DataLoaders (created lazily, so each request batches its own lookups), the
    request id that logs and masked errors carry, what the request log line reports, and the
    process pool CPU-bound analyses run in (`resolvers.analytics.analysis_workers`, held by the
    service's lifespan; None: a thread of this process)."""

    db: Database
    viewer: Viewer
    settings: ServiceSettings
    query_log: QueryLog = field(default_factory=QueryLog)
    loaders: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    request_id: str = field(default_factory=lambda: uuid4().hex)
    connection_params: dict[str, Any] = field(default_factory=dict)  # websocket connection_init
    operation_name: str | None = None  # for the request's log line and metrics
    outcome: str | None = None  # "ok" or the first error's code, once the operation ran
    end_session: Callable[[], Awaitable[None]] | None = None
    """Closes the websocket this context serves (when its token expires); None over HTTP."""
    session_expiry: asyncio.TimerHandle | None = None
    workers: Executor | None = None


Info = StrawberryInfo[Context, None]
