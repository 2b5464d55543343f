"""Departments: the organisation's tree and its headcounts."""

from __future__ import annotations

from graph.database import Row
from resolvers.context import Context
from resolvers.loaders import load_many, load_one


async def department_by_id(ctx: Context, id: str) -> Row | None:
    return await load_one(ctx, "departments/departments_by_ids", id)


async def all_departments(ctx: Context) -> list[Row]:
    return [row["department"] for row in await ctx.db.read("departments/all_departments")]


async def parent_of(ctx: Context, id: str) -> Row | None:
    return await load_one(ctx, "departments/parents_of_departments", id)


async def children_of(ctx: Context, id: str) -> list[Row]:
    return await load_many(ctx, "departments/children_of_departments", id)


async def headcount_of(ctx: Context, id: str) -> int:
    row = await load_one(ctx, "departments/headcounts_of_departments", id)
    return int(row["headcount"]) if row else 0
