"""Typed records: what the domain layer hands the schema. Each domain's records are built from
its Cypher rows in its module here (`<X>Record.from_row`, frozen dataclasses) and nowhere else;
resolvers return records, and the schema's types are built from them (`from_record`), so no
layer above this one reads a row by an unchecked key. Where the domain's own steps read a row by
its columns (matches, applications, analytics), the record is a `TypedDict` of those columns
instead.

A part a query fetches only when a screen shows it (look-ahead, `resolvers.loaders.Parts`) is
`NOT_FETCHED` when it was switched off, which a field tells from "there is none" (`None`, `[]`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, TypeAlias, TypeVar

from graph.database import Row

T = TypeVar("T")


class NotFetched(Enum):
    NOT_FETCHED = "not fetched"


NOT_FETCHED = NotFetched.NOT_FETCHED

Fetched: TypeAlias = T | NotFetched
"""A look-ahead part: its value, or `NOT_FETCHED`."""


def fetched(row: Row, key: str, build: Callable[[Any], T]) -> Fetched[T]:
    """`build(row[key])` when the row's query fetched the part `key`, else `NOT_FETCHED`."""
    return build(row[key]) if key in row else NOT_FETCHED


def optional(build: Callable[[Row], T]) -> Callable[[Row | None], T | None]:
    """`build` for a value that may be null."""
    return lambda row: build(row) if row else None


def each(build: Callable[[Row], T]) -> Callable[[list[Row] | None], list[T]]:
    """`build` for each row of a list that may be null."""
    return lambda rows: [build(row) for row in rows or ()]
