"""GraphQL types and fields for gigs: the offers, their skills, and their life from draft to open
to cancelled."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self

import strawberry

from resolvers import gigs
from resolvers.context import Info
from resolvers.records.gigs import GigRecord, GigSkillRecord
from schema.connections import Connection, connection, total_selected
from schema.departments import Department
from schema.payloads import Payload, payload, payload_type
from schema.people import Person
from schema.selection import fetched_field, selected
from schema.skills import Skill, SkillSuggestion
from schema.vocabulary import GigStatus, GigType, Importance


@strawberry.type(name="GigSkill", description="A skill a gig asks for.")
class GigSkillType:
    skill: Skill
    min_proficiency: int
    importance: Importance

    @classmethod
    def from_record(cls, record: GigSkillRecord) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            min_proficiency=record.min_proficiency,
            importance=record.importance,
        )


@strawberry.type(description="Work the organisation needs done, offered to its people.")
class Gig:
    id: strawberry.ID
    title: str
    description: str
    type: GigType
    status: GigStatus
    hours_per_week: float
    duration_weeks: int
    start_date: date | None
    seats: int
    external_hourly_rate: float = strawberry.field(
        description="What the work would cost bought in, per hour: the value of staffing it inside."
    )
    location: str | None = strawberry.field(description="Where the work is done, if anywhere.")
    remote: bool = strawberry.field(description="The work can be done from anywhere.")
    application_deadline: date | None = strawberry.field(
        description="Last day to apply; the search leaves the gig out after it."
    )
    created_at: datetime | None
    published_at: datetime | None
    filled_at: datetime | None
    completed_at: datetime | None
    record: strawberry.Private[GigRecord]
    """The gig's properties, and the nested parts its query fetched (look-ahead)."""

    @classmethod
    def from_record(cls, record: GigRecord) -> Self:
        return cls(
            id=strawberry.ID(record.id),
            title=record.title,
            description=record.description,
            type=record.type,
            status=record.status,
            hours_per_week=record.hours_per_week,
            duration_weeks=record.duration_weeks,
            start_date=record.start_date,
            seats=record.seats,
            external_hourly_rate=record.external_hourly_rate,
            location=record.location,
            remote=record.remote,
            application_deadline=record.application_deadline,
            created_at=record.created_at,
            published_at=record.published_at,
            filled_at=record.filled_at,
            completed_at=record.completed_at,
            record=record,
        )

    owner: Person | None = fetched_field(
        lambda gig: gig.record.owner,
        lambda owner: Person.from_record(owner) if owner else None,
        lambda context, gig: gigs.owner_of(context, gig.id),
    )
    department: Department | None = fetched_field(
        lambda gig: gig.record.department,
        lambda department: Department.from_record(department) if department else None,
        lambda context, gig: gigs.department_of(context, gig.id),
    )
    skills: list[GigSkillType] = fetched_field(
        lambda gig: gig.record.skills,
        lambda wanted: [GigSkillType.from_record(skill) for skill in wanted],
        lambda context, gig: gigs.skills_of(context, gig.id),
        description="Skills asked for: required first, then nice to have, learnable.",
    )

    @strawberry.field(
        description="Skills the title and description mention that the gig does not ask for "
        "yet: for the owner to confirm (updateGig `skills`), never added by themselves."
    )
    async def suggested_skills(self, info: Info, first: int = 5) -> list[SkillSuggestion]:
        text = f"{self.title}. {self.description}"
        found = await gigs.suggested_skills_of(info.context, self.id, text, first)
        return [SkillSuggestion.from_record(suggestion) for suggestion in found]


def gig_parts(info: Info, below: str = "") -> gigs.GigParts:
    """The parts of each gig the field's selection shows (look-ahead)."""
    fields = selected(info, below)
    return gigs.GigParts(
        owner="owner" in fields, department="department" in fields, skills="skills" in fields
    )


def listed(info: Info) -> tuple[gigs.GigParts, bool]:
    """What a list of gigs shows (look-ahead): each gig's parts, and whether it counts the total."""
    return gig_parts(info, "edges.node"), total_selected(info)


@strawberry.input
class GigSkillInput:
    skill_id: strawberry.ID
    min_proficiency: int = strawberry.field(default=3, description="1-5")
    importance: Importance = Importance.REQUIRED

    def to_value(self) -> gigs.GigSkill:
        return gigs.GigSkill(self.skill_id, self.min_proficiency, self.importance.value)


@strawberry.input(description="A gig's fields; on update, omitted fields stay as they are.")
class GigInput:
    title: str | None = None
    description: str | None = None
    type: GigType | None = None
    department_id: strawberry.ID | None = None
    hours_per_week: float | None = strawberry.field(default=None, description="(0, 40]")
    duration_weeks: int | None = strawberry.field(default=None, description="1-104")
    start_date: date | None = strawberry.field(default=None, description="Not in the past.")
    seats: int | None = strawberry.field(default=None, description="1-50")
    external_hourly_rate: float | None = None
    location: str | None = strawberry.field(default=None, description="At most 100 characters.")
    remote: bool | None = None
    application_deadline: date | None = strawberry.field(
        default=None, description="Not in the past, not after the start date."
    )
    skills: list[GigSkillInput] | None = strawberry.field(
        default=None, description="Replaces the gig's skills (at most 30, each once)."
    )

    def to_value(self) -> gigs.GigChange:
        return gigs.GigChange(
            title=self.title,
            description=self.description,
            type=self.type.value if self.type else None,
            department_id=self.department_id,
            hours_per_week=self.hours_per_week,
            duration_weeks=self.duration_weeks,
            start_date=self.start_date,
            seats=self.seats,
            external_hourly_rate=self.external_hourly_rate,
            location=self.location,
            remote=self.remote,
            application_deadline=self.application_deadline,
            skills=tuple(s.to_value() for s in self.skills) if self.skills is not None else None,
        )


@strawberry.input(description="A new draft gig; `id` is generated when omitted.")
class CreateGigInput(GigInput):
    id: strawberry.ID | None = None


@strawberry.input(description="The gig to change, and its fields that change.")
class UpdateGigInput(GigInput):
    id: strawberry.ID


@strawberry.input(description="The gig to publish or cancel.")
class GigRefInput:
    id: strawberry.ID


@strawberry.input(name="GigsFilter", description="Which gigs; every field is optional.")
class GigsFilterInput:
    statuses: list[GigStatus] | None = None
    type: GigType | None = None
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="For this department or its sub-departments."
    )
    skill_id: strawberry.ID | None = None
    owner_id: strawberry.ID | None = None

    def to_value(self) -> gigs.GigsFilter:
        return gigs.GigsFilter(
            statuses=tuple(s.value for s in self.statuses) if self.statuses is not None else None,
            type=self.type.value if self.type else None,
            department_id=self.department_id,
            skill_id=self.skill_id,
            owner_id=self.owner_id,
        )


strawberry.enum(gigs.GigOrder, description="How the gig search sorts what it finds.")


@strawberry.input(description="What the gig search looks for; every field is optional.")
class GigSearchInput:
    text: str | None = strawberry.field(
        default=None, description="Words in the title or description (typos forgiven)."
    )
    statuses: list[GigStatus] | None = strawberry.field(
        default_factory=lambda: [GigStatus.OPEN], description="OPEN unless given; null: any."
    )
    types: list[GigType] | None = None
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="For this department or its sub-departments."
    )
    skill_id: strawberry.ID | None = None
    remote: bool | None = strawberry.field(
        default=None, description="true: remote gigs only; false: on-site only."
    )
    location: str | None = strawberry.field(default=None, description="Exact, any case.")
    min_hours: float | None = strawberry.field(default=None, description="Hours a week, at least.")
    max_hours: float | None = strawberry.field(default=None, description="Hours a week, at most.")
    max_weeks: int | None = strawberry.field(default=None, description="Duration, at most.")
    include_closed: bool = strawberry.field(
        default=False, description="Also gigs whose application deadline has passed."
    )
    order: gigs.GigOrder = strawberry.field(
        default=gigs.GigOrder.RELEVANCE,
        description="RELEVANCE ranks by the words (newest first without any).",
    )

    def to_value(self) -> gigs.GigSearch:
        return gigs.GigSearch(
            text=self.text,
            statuses=tuple(s.value for s in self.statuses) if self.statuses is not None else None,
            types=tuple(t.value for t in self.types) if self.types is not None else None,
            department_id=self.department_id,
            skill_id=self.skill_id,
            remote=self.remote,
            location=self.location,
            min_hours=self.min_hours,
            max_hours=self.max_hours,
            max_weeks=self.max_weeks,
            include_closed=self.include_closed,
            order=self.order,
        )


GigPayload = payload_type(Gig, "Gig", "The gig after the change, or why nothing changed.")


@strawberry.type
class GigsQuery:
    @strawberry.field(
        description="One gig by id; null when there is none or it is someone else's draft."
    )
    async def gig(self, info: Info, id: strawberry.ID) -> Gig | None:
        gig = await gigs.gig_by_id(info.context, id, gig_parts(info))
        return Gig.from_record(gig) if gig else None

    @strawberry.field(description="Gigs matching `filter`, in id order (drafts: own ones; HR all).")
    async def gigs(
        self,
        info: Info,
        filter: GigsFilterInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Gig]:
        value = (filter or GigsFilterInput()).to_value()
        page = await gigs.gigs_page(info.context, value, first, after, *listed(info))
        return connection(page, Gig.from_record)

    @strawberry.field(
        description="Gigs whose title or description match the words (full text, ranked), "
        'filtered and sorted: what a "Find gigs" screen shows. Open gigs unless `statuses` says '
        "otherwise; drafts only for their owner and HR."
    )
    async def search_gigs(
        self,
        info: Info,
        search: GigSearchInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Gig]:
        value = (search or GigSearchInput()).to_value()
        page = await gigs.search_gigs(info.context, value, first, after, *listed(info))
        return connection(page, Gig.from_record)


@strawberry.type
class GigsMutation:
    @strawberry.mutation(
        graphql_type=GigPayload,
        description="Creates a draft gig owned by the viewer; `title`, `type` and `departmentId` "
        "are required, `id` is generated when omitted.",
    )
    async def create_gig(self, info: Info, input: CreateGigInput) -> Payload[Gig]:
        work = gigs.create_gig(info.context, input.id, input.to_value())
        return await payload(work, Gig.from_record)

    @strawberry.mutation(graphql_type=GigPayload, description="Owner: changes a draft or open gig.")
    async def update_gig(self, info: Info, input: UpdateGigInput) -> Payload[Gig]:
        work = gigs.update_gig(info.context, input.id, input.to_value())
        return await payload(work, Gig.from_record)

    @strawberry.mutation(
        graphql_type=GigPayload, description="Owner: opens a draft gig (with at least one skill)."
    )
    async def publish_gig(self, info: Info, input: GigRefInput) -> Payload[Gig]:
        work = gigs.transition(info.context, input.id, "publish")
        return await payload(work, Gig.from_record)

    @strawberry.mutation(graphql_type=GigPayload, description="Owner: cancels a draft or open gig.")
    async def cancel_gig(self, info: Info, input: GigRefInput) -> Payload[Gig]:
        work = gigs.transition(info.context, input.id, "cancel")
        return await payload(work, Gig.from_record)
