"""Per-request DataLoaders: nested fields ask for one id each, and each loader sends one Cypher
query for all the ids asked for in the same tick, so a page costs one query per level.

Every loader query takes `$ids` and returns rows of `key` (the id asked for) and `value` (a map).
A loader lives in `Context.loaders` under its query's name, so it is created once per request and
never shares its cache with another request.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, cast

from strawberry.dataloader import DataLoader

from graph.database import Row
from resolvers.context import Context


def _loader(ctx: Context, query: str, many: bool) -> DataLoader[str, Any]:
    key = f"{query}:{'many' if many else 'one'}"
    if key not in ctx.loaders:

        async def load(ids: list[str]) -> list[Any]:
            rows = await ctx.db.read(query, ids=ids)
            if many:
                grouped: dict[str, list[Row]] = defaultdict(list)
                for row in rows:
                    grouped[row["key"]].append(row["value"])
                return [grouped.get(id, []) for id in ids]
            found = {row["key"]: row["value"] for row in rows}
            return [found.get(id) for id in ids]

        ctx.loaders[key] = DataLoader(load_fn=load)
    return cast(DataLoader[str, Any], ctx.loaders[key])


async def load_one(ctx: Context, query: str, id: str) -> Row | None:
    """The map `query` returns for `id`, or None; batched with every other id of this tick."""
    return cast(Row | None, await _loader(ctx, query, many=False).load(id))


async def load_many(ctx: Context, query: str, id: str) -> list[Row]:
    """The maps `query` returns for `id`, in the query's order; batched like `load_one`."""
    return cast(list[Row], await _loader(ctx, query, many=True).load(id))
