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


@dataclass(frozen=True)
class Listing(Generic[R]):
    """A list the API pages through: its page query, how an item becomes a record, and whether
    the list is ranked (`$skip`, offset cursors) or in id order (`$after`, keyset cursors).
    The query returns one row: `page`, the list of the page's items (one row is far cheaper for
    the driver to decode than a row per item), and `total`, how many items match over all
    pages, counted only when `$with_total` (a connection's totalCount in the same round trip)."""

    query: str
    record: Callable[[Row], R]
    ranked: bool = False


def _counter(
    ctx: Context, listing: Listing[R], params: dict[str, Any], rows: list[Row], with_total: bool
) -> Callable[[], Awaitable[int]]:
    """The total the page's own query counted; for a page read without it (`with_total` false:
    its reader did not say it would show the total), the same query again for the count alone
    (an empty page)."""

    async def count() -> int:
        if with_total and rows:
            return int(rows[0]["total"])
        position = {"skip": 0} if listing.ranked else {"after": ""}
        counted = await ctx.db.read(listing.query, **params, **position, limit=0, with_total=True)
        return int(counted[0]["total"])

    return count


async def read_page(
    ctx: Context,
    listing: Listing[R],
    params: dict[str, Any],
    first: int,
    after: str | None,
    with_total: bool,
) -> Page[R]:
    """The page of `listing` after the cursor `after`, `first` long at most, counting every
    match in the same query when `with_total` (the client selected the total)."""
    size = check_first(first, ctx.settings)
    if listing.ranked:
        skip = offset_after(after)
        rows = await ctx.db.read(
            listing.query, skip=skip, limit=size + 1, with_total=with_total, **params
        )
        count = _counter(ctx, listing, params, rows, with_total)
        return _offset_page([listing.record(item) for item in _items(rows)], skip, size, count)
    last_id = decode_cursor(after)
    rows = await ctx.db.read(
        listing.query, after=last_id or "", limit=size + 1, with_total=with_total, **params
    )
    count = _counter(ctx, listing, params, rows, with_total)
    items = _items(rows)
    page = items[:size]
    return Page(
        rows=[listing.record(item) for item in page],
        cursors=[str(item["id"]) for item in page],
        has_next=len(items) > size,
        has_previous=bool(last_id),
        count=count,
    )


def _items(rows: list[Row]) -> list[Row]:
    items: list[Row] = rows[0]["page"] if rows else []
    return items


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
