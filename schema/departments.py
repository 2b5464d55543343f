"""GraphQL types and fields for departments."""

from __future__ import annotations

from typing import Self

import strawberry

from graph.database import Row
from resolvers import departments
from resolvers.context import Info


@strawberry.type(description="A department; departments form a tree through `parent`.")
class Department:
    id: strawberry.ID
    name: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=strawberry.ID(row["id"]), name=row.get("name") or "")

    @strawberry.field(description="The department this one is part of.")
    async def parent(self, info: Info) -> Department | None:
        row = await departments.parent_of(info.context, self.id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="Direct sub-departments, by name.")
    async def children(self, info: Info) -> list[Department]:
        rows = await departments.children_of(info.context, self.id)
        return [Department.from_row(row) for row in rows]

    @strawberry.field(description="Active people in it and its sub-departments.")
    async def headcount(self, info: Info) -> int:
        return await departments.headcount_of(info.context, self.id)


@strawberry.type
class DepartmentsQuery:
    @strawberry.field(description="One department by id, or null when there is none.")
    async def department(self, info: Info, id: strawberry.ID) -> Department | None:
        row = await departments.department_by_id(info.context, id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="Every department, by name.")
    async def departments(self, info: Info) -> list[Department]:
        return [Department.from_row(row) for row in await departments.all_departments(info.context)]
