"""Neo4j temporal values as Python ones, for the records (`resolvers/records`)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from neo4j.time import Date, DateTime


def to_datetime(value: Any) -> datetime | None:
    """A Neo4j DateTime, or epoch milliseconds (which lists return: far cheaper to decode)."""
    if isinstance(value, int):
        return datetime.fromtimestamp(value / 1000, UTC)
    if isinstance(value, DateTime):
        return value.to_native()
    return value if isinstance(value, datetime) else None


def to_date(value: Any) -> date | None:
    if isinstance(value, Date):
        return value.to_native()
    return value if isinstance(value, date) else None


def to_instant(value: Any) -> datetime:
    """`to_datetime` of a value the graph always holds (a creation time, say): a `ValueError`
    naming it if it is missing or no date-time."""
    instant = to_datetime(value)
    if instant is None:
        raise ValueError(f"not a date-time: {value!r}")
    return instant
