"""Departments: the organisation's tree and its headcounts."""

from __future__ import annotations

from resolvers.context import Context
from resolvers.loaders import load_many, load_one
from resolvers.permissions import posts_for_every_department
from resolvers.records.departments import DepartmentRecord
from resolvers.validation import check_range


async def department_by_id(ctx: Context, id: str) -> DepartmentRecord | None:
    return await load_one(ctx, "departments/departments_by_ids", id, DepartmentRecord.from_row)


MAX_TREE_DEPTH = 20
"""How deep `maxDepth` may ask (deeper than any organisation's tree)."""


async def all_departments(ctx: Context, max_depth: int | None = None) -> list[DepartmentRecord]:
    """Every department by name; with `max_depth`, only those at most that many levels below
    the top (0: the top-level ones)."""
    check_range("maxDepth", max_depth, 0, MAX_TREE_DEPTH, open_low=False)
    rows = await ctx.db.read("departments/all_departments", max_depth=max_depth)
    return DepartmentRecord.listed(rows)


async def postable_departments(ctx: Context) -> list[DepartmentRecord]:
    """The departments the viewer may post gigs for, by name."""
    if posts_for_every_department(ctx.viewer):
        return await all_departments(ctx)
    rows = await ctx.db.read("departments/postable_departments", person_id=ctx.viewer.person_id)
    return DepartmentRecord.listed(rows)


async def parent_of(ctx: Context, id: str) -> DepartmentRecord | None:
    return await load_one(ctx, "departments/parents_of_departments", id, DepartmentRecord.from_row)


async def children_of(ctx: Context, id: str) -> list[DepartmentRecord]:
    return await load_many(
        ctx, "departments/children_of_departments", id, DepartmentRecord.from_row
    )


async def headcount_of(ctx: Context, id: str) -> int:
    headcount = await load_one(
        ctx, "departments/headcounts_of_departments", id, lambda row: int(row["headcount"])
    )
    return headcount or 0
