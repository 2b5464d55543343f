"""Per-request DataLoaders: nested fields ask for one id each, and each loader sends one Cypher
query for all the ids asked for in the same tick, so a page costs one query per level.

Every loader query takes `$ids` (and any switches `load_one` passes) and returns one row per id
found: `key` (the id) and `value` (a map, or for a list field the list of maps, collected in
Cypher: one row per id is much cheaper to decode than one per item). A loader lives in
`Context.loaders` under its query's name and switches, so it is created once per request and
never shares its cache with another request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader

from graph.database import Row
from resolvers.context import Context

T = TypeVar("T")


def _loader(ctx: Context, query: str, params: dict[str, Any]) -> DataLoader[str, Any]:
    key = (query, *sorted(params.items()))
    if key not in ctx.loaders:

        async def load(ids: list[str]) -> list[Any]:
            rows = await ctx.db.read(query, ids=ids, **params)
            found = {row["key"]: row["value"] for row in rows}
            return [found.get(id) for id in ids]

        ctx.loaders[key] = DataLoader(load_fn=load)
    return cast(DataLoader[str, Any], ctx.loaders[key])


async def load_one(
    ctx: Context, query: str, id: str, build: Callable[[Row], T], **params: Any
) -> T | None:
    """What `build` makes of the map `query` returns for `id`, or None; batched with every other
    id of this tick asked for with the same `params` (look-ahead switches)."""
    row = cast(Row | None, await _loader(ctx, query, params).load(id))
    return build(row) if row is not None else None


async def load_each(ctx: Context, query: str, ids: list[str]) -> list[Row | None]:
    """The map `query` returns for each of `ids` (None where there is none), in their order: one
    `DataLoader.load_many`, batched like `load_one`."""
    return cast(list[Row | None], await _loader(ctx, query, {}).load_many(ids))


async def load_many(ctx: Context, query: str, id: str, build: Callable[[Row], T]) -> list[T]:
    """What `build` makes of each map `query` returns for `id` ([] when none); batched like
    `load_one`."""
    rows = cast(list[Row] | None, await _loader(ctx, query, {}).load(id)) or []
    return [build(row) for row in rows]


@dataclass(frozen=True)
class Parts:
    """The nested parts of an object a screen shows, each a boolean: a query that fetches the
    object takes them as `$with_<part>` switches and returns them nested in the object's map
    (null when switched off), so one round trip serves the screen."""

    def params(self) -> dict[str, bool]:
        return {f"with_{part.name}": getattr(self, part.name) for part in fields(self)}

    def kept(self) -> set[str]:
        """The parts whose keys stay in a fetched row."""
        return {part.name for part in fields(self) if getattr(self, part.name)}

    def fetched(self, row: Row) -> Row:
        """The row without the parts switched off, so that a nested field tells "not fetched"
        (then loaded) from "there is none"."""
        dropped = {part.name for part in fields(self)} - self.kept()
        return {key: value for key, value in row.items() if key not in dropped}
