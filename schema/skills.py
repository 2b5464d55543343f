"""GraphQL types and fields for the skills taxonomy."""

from __future__ import annotations

from typing import Self

import strawberry

from graph.database import Row
from resolvers import skills
from resolvers.context import Info
from schema.connections import Connection, connection
from schema.payloads import Payload, payload, payload_type


@strawberry.type(description="A skill of the taxonomy, or one the organisation added (custom).")
class Skill:
    id: strawberry.ID
    label: str
    type: str
    custom: bool
    deprecated: bool
    row: strawberry.Private[Row]

    @classmethod
    def from_row(cls, row: Row) -> Self:
        """From a skill's properties: all of them, or (as nested lists fetch them, to keep pages
        light) at least `id` and `label`; `aliases` and `description` are then loaded (batched)
        only when a client asks for them."""
        return cls(
            id=strawberry.ID(row["id"]),
            label=row["label"],
            type=row.get("type") or "",
            custom=bool(row.get("custom", False)),
            deprecated=bool(row.get("deprecated", False)),
            row=row,
        )

    async def _full_row(self, info: Info) -> Row:
        if "aliases" in self.row:
            return self.row
        return await skills.skill_by_id(info.context, self.id) or self.row

    @strawberry.field
    async def aliases(self, info: Info) -> list[str]:
        return list((await self._full_row(info)).get("aliases") or [])

    @strawberry.field
    async def description(self, info: Info) -> str:
        return str((await self._full_row(info)).get("description") or "")

    @strawberry.field(description="Broader skills this one belongs under.")
    async def broader(self, info: Info) -> list[Skill]:
        return [Skill.from_row(row) for row in await skills.broader_of(info.context, self.id)]

    @strawberry.field(description="Narrower skills under this one.")
    async def narrower(self, info: Info) -> list[Skill]:
        return [Skill.from_row(row) for row in await skills.narrower_of(info.context, self.id)]

    @strawberry.field(description="Adjacent skills, strongest relation first.")
    async def related(self, info: Info) -> list[RelatedSkill]:
        rows = await skills.related_of(info.context, self.id)
        return [
            RelatedSkill(skill=Skill.from_row(row["skill"]), weight=row["weight"]) for row in rows
        ]

    @strawberry.field(description="How many active people hold this skill.")
    async def holder_count(self, info: Info) -> int:
        return await skills.holder_count_of(info.context, self.id)


@strawberry.type(description="A skill adjacent to another, with the weight (0, 1] of the relation.")
class RelatedSkill:
    skill: Skill
    weight: float


@strawberry.input(description="One of the organisation's own skills, added or changed by an admin.")
class CustomSkillInput:
    id: strawberry.ID
    label: str
    aliases: list[str] = strawberry.field(default_factory=list)
    description: str = ""
    broader_id: strawberry.ID | None = None

    def to_value(self) -> skills.CustomSkill:
        return skills.CustomSkill(
            id=self.id,
            label=self.label,
            aliases=tuple(self.aliases),
            description=self.description,
            broader_id=self.broader_id,
        )


SkillPayload = payload_type(Skill, "Skill")


@strawberry.type
class SkillsQuery:
    @strawberry.field(description="One skill by id, or null when there is none.")
    async def skill(self, info: Info, id: strawberry.ID) -> Skill | None:
        row = await skills.skill_by_id(info.context, id)
        return Skill.from_row(row) if row else None

    @strawberry.field(
        description="Skills whose label or aliases match `search` (typos forgiven), best first "
        "and deprecated last; without `search`, every skill in id order."
    )
    async def skills(
        self,
        info: Info,
        search: str | None = None,
        include_deprecated: bool = False,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Skill]:
        page = await skills.skills_page(info.context, search, include_deprecated, first, after)
        return connection(page, Skill.from_row)


@strawberry.type
class SkillsMutation:
    @strawberry.mutation(
        graphql_type=SkillPayload, description="Admins: adds or changes a custom skill."
    )
    async def upsert_custom_skill(self, info: Info, input: CustomSkillInput) -> Payload[Skill]:
        work = skills.upsert_custom_skill(info.context, input.to_value())
        return await payload(work, Skill.from_row)

    @strawberry.mutation(
        graphql_type=SkillPayload,
        description="Admins: deprecates a skill; it stays on profiles and gigs but cannot be "
        "declared any more.",
    )
    async def deprecate_skill(self, info: Info, id: strawberry.ID) -> Payload[Skill]:
        work = skills.deprecate_skill(info.context, id)
        return await payload(work, Skill.from_row)
