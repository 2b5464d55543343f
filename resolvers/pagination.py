"""Pages cut in Cypher, and the opaque cursors that name a position in them.

Lists in id order use keyset pagination: the query takes `$after` (the last id seen, '' for the
first page) and `$limit` (one more than the page, to learn whether another page follows), so a
deep page costs what the first does. Ranked lists use `$skip` and `$limit` instead.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from graph.database import Row
from graph.errors import ValidationFailed
from resolvers.context import Context
from resolvers.validation import check_first

R = TypeVar("R")


@dataclass(frozen=True)
class Page(Generic[R]):
    """One page of records, each with its cursor, and how to count every match."""

    rows: list[R]
    cursors: list[str]
    has_next: bool
    has_previous: bool
    count: Callable[[], Awaitable[int]]


def encode_cursor(value: str) -> str:
    return base64.urlsafe_b64encode(f"c:{value}".encode()).decode("ascii")


def decode_cursor(cursor: str | None) -> str | None:
    """The value inside a cursor; a cursor this API did not make is a ValidationFailed."""
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode()
    except (binascii.Error, UnicodeError, ValueError):
        text = ""
    if not text.startswith("c:"):
        raise ValidationFailed("after", "is not a cursor this API returned")
    return text[2:]


def _counter(
    ctx: Context, count_query: str, params: dict[str, Any]
) -> Callable[[], Awaitable[int]]:
    async def count() -> int:
        rows = await ctx.db.read(count_query, **params)
        return int(rows[0]["total"])

    return count


async def keyset_page(
    ctx: Context,
    query: str,
    count_query: str,
    column: str,
    record: Callable[[Row], R],
    params: dict[str, Any],
    first: int,
    after: str | None,
) -> Page[R]:
    """A page of `query` (ordered by id, rows under `column`, made records by `record`) after
    the cursor `after`."""
    size = check_first(first, ctx.settings)
    last_id = decode_cursor(after)
    rows = await ctx.db.read(query, after=last_id or "", limit=size + 1, **params)
    page = [row[column] for row in rows[:size]]
    return Page(
        rows=[record(row) for row in page],
        cursors=[str(row["id"]) for row in page],
        has_next=len(rows) > size,
        has_previous=bool(last_id),
        count=_counter(ctx, count_query, params),
    )


async def offset_page(
    ctx: Context,
    query: str,
    count_query: str,
    column: str,
    record: Callable[[Row], R],
    params: dict[str, Any],
    first: int,
    after: str | None,
) -> Page[R]:
    """A page of a ranked `query` (rows under `column`, made records by `record`) after the
    cursor `after`."""
    size = check_first(first, ctx.settings)
    skip = offset_after(after)
    rows = await ctx.db.read(query, skip=skip, limit=size + 1, **params)
    return _offset_page(
        [record(row[column]) for row in rows], skip, size, _counter(ctx, count_query, params)
    )


def offset_after(after: str | None) -> int:
    """How many rows of a ranked list the cursor `after` has seen."""
    cursor = decode_cursor(after)
    if cursor is not None and not cursor.isdigit():
        raise ValidationFailed("after", "is not a cursor of this list")
    return int(cursor) + 1 if cursor is not None else 0


def ranked_page(ranked: list[R], skip: int, size: int, total: int) -> Page[R]:
    """A page of a ranked list computed in Python (at least `skip + size + 1` rows of it, if
    there are that many), of `total` rows in all."""

    async def count() -> int:
        return total

    return _offset_page(ranked[skip:], skip, size, count)


def _offset_page(
    rows: list[R], skip: int, size: int, count: Callable[[], Awaitable[int]]
) -> Page[R]:
    page = rows[:size]
    return Page(
        rows=page,
        cursors=[str(skip + index) for index in range(len(page))],
        has_next=len(rows) > size,
        has_previous=skip > 0,
        count=count,
    )
