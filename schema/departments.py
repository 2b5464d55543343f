"""GraphQL types and fields for departments."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers import departments
from resolvers.context import Info
from resolvers.records.departments import DepartmentRecord
from schema.selection import fetched_field


@strawberry.type(description="A department; departments form a tree through `parent`.")
class Department:
    id: strawberry.ID
    name: str

    record: strawberry.Private[DepartmentRecord]
    """The department's properties, and its parent when its query fetched it."""

    @classmethod
    def from_record(cls, record: DepartmentRecord) -> Self:
        return cls(id=strawberry.ID(record.id), name=record.name, record=record)

    parent: Department | None = fetched_field(
        lambda department: department.record.parent,
        lambda parent: Department.from_record(parent) if parent else None,
        lambda context, department: departments.parent_of(context, department.id),
        description="The department this one is part of.",
    )

    @strawberry.field(description="Direct sub-departments, by name.")
    async def children(self, info: Info) -> list[Department]:
        children = await departments.children_of(info.context, self.id)
        return [Department.from_record(child) for child in children]

    @strawberry.field(description="Active people in it and its sub-departments.")
    async def headcount(self, info: Info) -> int:
        return await departments.headcount_of(info.context, self.id)


@strawberry.type
class DepartmentsQuery:
    @strawberry.field(description="One department by id, or null when there is none.")
    async def department(self, info: Info, id: strawberry.ID) -> Department | None:
        department = await departments.department_by_id(info.context, id)
        return Department.from_record(department) if department else None

    @strawberry.field(
        description="Every department, by name; with `maxDepth`, only those at most that many "
        "levels below the top (0: the top-level ones), as a menu of the tree's top needs."
    )
    async def departments(self, info: Info, max_depth: int | None = None) -> list[Department]:
        listed = await departments.all_departments(info.context, max_depth)
        return [Department.from_record(department) for department in listed]
