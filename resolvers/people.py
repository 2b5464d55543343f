"""People: profiles, reporting lines, skills and aspirations."""

from __future__ import annotations

from graph.database import Row
from resolvers.context import Context


async def person_by_id(ctx: Context, id: str) -> Row | None:
    rows = await ctx.db.read("people/person_by_id", id=id)
    return rows[0]["person"] if rows else None
