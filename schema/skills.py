"""GraphQL types and fields for the skills taxonomy."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers import skills
from resolvers.context import Info
from resolvers.records import NOT_FETCHED
from resolvers.records.skills import RelatedSkillRecord, SkillRecord, SkillSuggestionRecord
from schema.connections import Connection, connection, total_selected
from schema.payloads import Payload, payload, payload_type


@strawberry.type(description="A skill of the taxonomy, or one the organisation added (custom).")
class Skill:
    id: strawberry.ID
    label: str
    type: str
    custom: bool
    deprecated: bool
    matched_name: str | None = strawberry.field(
        description="In a search result: the label or alias that matched; otherwise null."
    )
    record: strawberry.Private[SkillRecord]

    @classmethod
    def from_record(cls, record: SkillRecord) -> Self:
        """`aliases` and `description`, when the record lacks them (nested lists fetch only `id`
        and `label`, to keep pages light), are loaded (batched) only when a client asks."""
        return cls(
            id=strawberry.ID(record.id),
            label=record.label,
            type=record.type,
            custom=record.custom,
            deprecated=record.deprecated,
            matched_name=record.matched_name,
            record=record,
        )

    async def _full(self, info: Info) -> SkillRecord:
        if self.record.aliases is not NOT_FETCHED:
            return self.record
        return await skills.skill_by_id(info.context, self.id) or self.record

    @strawberry.field
    async def aliases(self, info: Info) -> list[str]:
        aliases = (await self._full(info)).aliases
        return [] if aliases is NOT_FETCHED else list(aliases)

    @strawberry.field
    async def description(self, info: Info) -> str:
        description = (await self._full(info)).description
        return "" if description is NOT_FETCHED else description

    @strawberry.field(description="Broader skills this one belongs under.")
    async def broader(self, info: Info) -> list[Skill]:
        return [
            Skill.from_record(skill) for skill in await skills.broader_of(info.context, self.id)
        ]

    @strawberry.field(description="Narrower skills under this one.")
    async def narrower(self, info: Info) -> list[Skill]:
        narrower = await skills.narrower_of(info.context, self.id)
        return [Skill.from_record(skill) for skill in narrower]

    @strawberry.field(description="Adjacent skills, strongest relation first.")
    async def related(self, info: Info) -> list[RelatedSkill]:
        related = await skills.related_of(info.context, self.id)
        return [RelatedSkill.from_record(relation) for relation in related]

    @strawberry.field(description="How many active people hold this skill.")
    async def holder_count(self, info: Info) -> int:
        return await skills.holder_count_of(info.context, self.id)


@strawberry.type(
    description="A skill a text mentions, offered for the person to confirm (nothing is added "
    "until they do)."
)
class SkillSuggestion:
    skill: Skill
    phrase: str = strawberry.field(
        description="The words of the text that triggered it: the mention, or for a skill the "
        "text only implies, the most telling words they share."
    )
    matched_name: str = strawberry.field(
        description="The skill's label or alias they match (an implied skill: its label)."
    )
    confidence: float = strawberry.field(
        description="0-1: for a mention, the share of the name (weighted by how telling each "
        "word is) the phrase holds; for a skill the text only implies, how similar the text is "
        "to the skill's label, alternative labels and description."
    )

    @classmethod
    def from_record(cls, record: SkillSuggestionRecord) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            phrase=record.phrase,
            matched_name=record.matched_name,
            confidence=record.confidence,
        )


@strawberry.type(description="A skill adjacent to another, with the weight (0, 1] of the relation.")
class RelatedSkill:
    skill: Skill
    weight: float

    @classmethod
    def from_record(cls, record: RelatedSkillRecord) -> Self:
        return cls(skill=Skill.from_record(record.skill), weight=record.weight)


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


@strawberry.input
class DeprecateSkillInput:
    id: strawberry.ID


@strawberry.type
class SkillsQuery:
    @strawberry.field(description="One skill by id, or null when there is none.")
    async def skill(self, info: Info, id: strawberry.ID) -> Skill | None:
        skill = await skills.skill_by_id(info.context, id)
        return Skill.from_record(skill) if skill else None

    @strawberry.field(
        description="Skills whose label or aliases match `search`, best first: the exact label "
        "or alias, then names it starts (typeahead), then names holding its words, stems or "
        "typos; skill groups after skills, ties to the skill more people hold, deprecated last; "
        "each with `matchedName`. Without `search`, every skill in id order."
    )
    async def skills(
        self,
        info: Info,
        search: str | None = None,
        include_deprecated: bool = False,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Skill]:
        page = await skills.skills_page(
            info.context, search, include_deprecated, first, after, total_selected(info)
        )
        return connection(page, Skill.from_record)

    @strawberry.field(
        description="The skills a text mentions (a gig's description, a pasted CV or bio), best "
        "first, each with the phrase that triggered it: suggestions to confirm, never added by "
        "themselves (confirm with createGig/updateGig `skills` or setSkill, which records a "
        "claim, never a validated skill)."
    )
    async def suggest_skills(self, info: Info, text: str, first: int = 10) -> list[SkillSuggestion]:
        found = await skills.suggestions_for(info.context, text, first)
        return [SkillSuggestion.from_record(suggestion) for suggestion in found]


@strawberry.type
class SkillsMutation:
    @strawberry.mutation(
        graphql_type=SkillPayload, description="Admins: adds or changes a custom skill."
    )
    async def upsert_custom_skill(self, info: Info, input: CustomSkillInput) -> Payload[Skill]:
        work = skills.upsert_custom_skill(info.context, input.to_value())
        return await payload(work, Skill.from_record)

    @strawberry.mutation(
        graphql_type=SkillPayload,
        description="Admins: deprecates a skill; it stays on profiles and gigs but cannot be "
        "declared any more.",
    )
    async def deprecate_skill(self, info: Info, input: DeprecateSkillInput) -> Payload[Skill]:
        work = skills.deprecate_skill(info.context, input.id)
        return await payload(work, Skill.from_record)
