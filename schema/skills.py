"""GraphQL types and fields for the skills taxonomy."""

from __future__ import annotations

from typing import Self

import strawberry

from graph.database import Row
from resolvers import skills
from resolvers.context import Info


@strawberry.type(description="A skill of the taxonomy, or one the organisation added (custom).")
class Skill:
    id: strawberry.ID
    label: str
    aliases: list[str]
    type: str
    description: str
    custom: bool
    deprecated: bool

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            id=strawberry.ID(row["id"]),
            label=row["label"],
            aliases=list(row.get("aliases") or []),
            type=row.get("type") or "",
            description=row.get("description") or "",
            custom=bool(row.get("custom", False)),
            deprecated=bool(row.get("deprecated", False)),
        )


@strawberry.type
class SkillsQuery:
    @strawberry.field(description="Skills whose label or aliases match `search`, best first.")
    async def skills(self, info: Info, search: str, first: int = 10) -> list[Skill]:
        rows = await skills.search_skills(info.context, search, first)
        return [Skill.from_row(row) for row in rows]
