"""Per-request DataLoaders: nested fields ask for one id each, and each loader sends one Cypher
query for all the ids asked for in the same tick, so a page costs one query per level.

Every loader query takes `$ids` and returns one row per id found: `key` (the id) and `value` (a
map, or for a list field the list of maps, collected in Cypher: one row per id is much cheaper to
decode than one per item). A loader lives in `Context.loaders` under its query's name, so it is
created once per request and never shares its cache with another request.
"""

from __future__ import annotations

from typing import Any, cast

from strawberry.dataloader import DataLoader

from graph.database import Row
from resolvers.context import Context


def _loader(ctx: Context, query: str) -> DataLoader[str, Any]:
    if query not in ctx.loaders:

        async def load(ids: list[str]) -> list[Any]:
            rows = await ctx.db.read(query, ids=ids)
            found = {row["key"]: row["value"] for row in rows}
            return [found.get(id) for id in ids]

        ctx.loaders[query] = DataLoader(load_fn=load)
    return cast(DataLoader[str, Any], ctx.loaders[query])


async def load_one(ctx: Context, query: str, id: str) -> Row | None:
    """The map `query` returns for `id`, or None; batched with every other id of this tick."""
    return cast(Row | None, await _loader(ctx, query).load(id))


async def load_each(ctx: Context, query: str, ids: list[str]) -> list[Row | None]:
    """The map `query` returns for each of `ids` (None where there is none), in their order: one
    `DataLoader.load_many`, batched like `load_one`."""
    return cast(list[Row | None], await _loader(ctx, query).load_many(ids))


async def load_many(ctx: Context, query: str, id: str) -> list[Row]:
    """The list of maps `query` returns for `id` ([] when none); batched like `load_one`."""
    return cast(list[Row] | None, await _loader(ctx, query).load(id)) or []
