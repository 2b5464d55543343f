"""Relay-style connections: `edges { cursor node }`, `pageInfo` and `totalCount`.

Pages are cut in Cypher (`resolvers/pagination.py`); this module only gives them their GraphQL
shape. `totalCount` is counted by the page's own query, and only when a client selects it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from resolvers.context import Info
from resolvers.pagination import Page, encode_cursor
from schema.selection import selected

Node = TypeVar("Node")
R = TypeVar("R")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, over all pages.")
    async def total_count(self) -> int:
        return await self.count()


def total_selected(info: Info) -> bool:
    """Whether the connection field's selection asks for `totalCount` (look-ahead): its page
    query then counts in the same round trip."""
    return "totalCount" in selected(info)


def connection(page: Page[R], convert: Callable[[R], Node]) -> Connection[Node]:
    """The connection of a page, its records turned into GraphQL types by `convert`."""
    edges = [
        Edge(cursor=encode_cursor(value), node=convert(row))
        for row, value in zip(page.rows, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count=page.count,
    )
