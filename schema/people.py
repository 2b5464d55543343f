"""GraphQL types and fields for people."""

from __future__ import annotations

from typing import Self

import strawberry

from graph.database import Row
from resolvers import people
from resolvers.context import Info


@strawberry.type(description="Someone in the organisation, identified by their HRIS id.")
class Person:
    id: strawberry.ID
    name: str
    email: str
    title: str
    location: str
    weekly_hours: float
    gig_capacity_pct: float = strawberry.field(
        description="Share of the working week the person may give to gigs, in percent."
    )
    active: bool

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            email=row.get("email") or "",
            title=row.get("title") or "",
            location=row.get("location") or "",
            weekly_hours=float(row.get("weekly_hours") or 0.0),
            gig_capacity_pct=float(row.get("gig_capacity_pct") or 0.0),
            active=bool(row.get("active", True)),
        )


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="One person by id, or null when there is none.")
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        row = await people.person_by_id(info.context, id)
        return Person.from_row(row) if row else None
