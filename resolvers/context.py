"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as StrawberryInfo

from graph.database import Database, QueryLog
from graph.settings import ServiceSettings
from service.auth import Viewer


@dataclass
class Context:
    """What one request may use: the database (counting its queries), the viewer, the settings,
    and the request's DataLoaders (created lazily, so each request batches its own lookups)."""

    db: Database
    viewer: Viewer
    settings: ServiceSettings
    query_log: QueryLog = field(default_factory=QueryLog)
    loaders: dict[str, Any] = field(default_factory=dict)


Info = StrawberryInfo[Context, None]
