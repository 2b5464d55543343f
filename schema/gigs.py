"""GraphQL types and fields for gigs: the offers, their skills, and their life from draft to open
to cancelled."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime
from typing import Self

import strawberry

from graph.database import Row
from resolvers import gigs
from resolvers.context import Info
from schema.connections import Connection, connection
from schema.departments import Department
from schema.payloads import Payload, payload, payload_type
from schema.people import Person
from schema.selection import fetched_or_loaded, selected
from schema.skills import Skill
from schema.values import to_date, to_datetime
from schema.vocabulary import GigStatus, GigType, Importance


@strawberry.type(description="A skill a gig asks for.")
class GigSkill:
    skill: Skill
    min_proficiency: int
    importance: Importance

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            skill=Skill.from_row(row["skill"]),
            min_proficiency=int(row["min_proficiency"]),
            importance=Importance(row["importance"]),
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
    created_at: datetime | None
    published_at: datetime | None
    filled_at: datetime | None
    completed_at: datetime | None
    row: strawberry.Private[Row]
    """The gig's row: properties, and the nested parts its query fetched (look-ahead)."""

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            id=strawberry.ID(row["id"]),
            title=row["title"],
            description=row.get("description") or "",
            type=GigType(row.get("type") or "project"),
            status=GigStatus(row.get("status") or "draft"),
            hours_per_week=float(row.get("hours_per_week") or 0.0),
            duration_weeks=int(row.get("duration_weeks") or 0),
            start_date=to_date(row.get("start_date")),
            seats=int(row.get("seats") or 1),
            external_hourly_rate=float(row.get("external_hourly_rate") or 0.0),
            created_at=to_datetime(row.get("created_at")),
            published_at=to_datetime(row.get("published_at")),
            filled_at=to_datetime(row.get("filled_at")),
            completed_at=to_datetime(row.get("completed_at")),
            row=row,
        )

    @strawberry.field(graphql_type=Person | None)
    def owner(self, info: Info) -> Person | Awaitable[Person | None] | None:
        return fetched_or_loaded(
            self.row,
            "owner",
            lambda row: Person.from_row(row) if row else None,
            lambda: gigs.owner_of(info.context, self.id),
        )

    @strawberry.field(graphql_type=Department | None)
    def department(self, info: Info) -> Department | Awaitable[Department | None] | None:
        return fetched_or_loaded(
            self.row,
            "department",
            lambda row: Department.from_row(row) if row else None,
            lambda: gigs.department_of(info.context, self.id),
        )

    @strawberry.field(
        description="Skills asked for: required first, then nice to have, learnable.",
        graphql_type=list[GigSkill],
    )
    def skills(self, info: Info) -> list[GigSkill] | Awaitable[list[GigSkill]]:
        return fetched_or_loaded(
            self.row,
            "skills",
            lambda rows: [GigSkill.from_row(row) for row in rows or []],
            lambda: gigs.skills_of(info.context, self.id),
        )


def gig_parts(info: Info, below: str = "") -> gigs.GigParts:
    """The parts of each gig the field's selection shows (look-ahead)."""
    fields = selected(info, below)
    return gigs.GigParts(
        owner="owner" in fields, department="department" in fields, skills="skills" in fields
    )


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
            skills=tuple(s.to_value() for s in self.skills) if self.skills is not None else None,
        )


@strawberry.input(description="Which gigs; every field is optional.")
class GigsFilter:
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


GigPayload = payload_type(Gig, "Gig", "The gig after the change, or why nothing changed.")


@strawberry.type
class GigsQuery:
    @strawberry.field(
        description="One gig by id; null when there is none or it is someone else's draft."
    )
    async def gig(self, info: Info, id: strawberry.ID) -> Gig | None:
        row = await gigs.gig_by_id(info.context, id, gig_parts(info))
        return Gig.from_row(row) if row else None

    @strawberry.field(description="Gigs matching `filter`, in id order (drafts: own ones; HR all).")
    async def gigs(
        self,
        info: Info,
        filter: GigsFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Gig]:
        value = (filter or GigsFilter()).to_value()
        page = await gigs.gigs_page(
            info.context, value, first, after, gig_parts(info, "edges.node")
        )
        return connection(page, Gig.from_row)


@strawberry.type
class GigsMutation:
    @strawberry.mutation(
        graphql_type=GigPayload,
        description="Creates a draft gig owned by the viewer; `title`, `type` and `departmentId` "
        "are required, `id` is generated when omitted.",
    )
    async def create_gig(
        self, info: Info, input: GigInput, id: strawberry.ID | None = None
    ) -> Payload[Gig]:
        work = gigs.create_gig(info.context, id, input.to_value())
        return await payload(work, Gig.from_row)

    @strawberry.mutation(graphql_type=GigPayload, description="Owner: changes a draft or open gig.")
    async def update_gig(self, info: Info, id: strawberry.ID, input: GigInput) -> Payload[Gig]:
        work = gigs.update_gig(info.context, id, input.to_value())
        return await payload(work, Gig.from_row)

    @strawberry.mutation(
        graphql_type=GigPayload, description="Owner: opens a draft gig (with at least one skill)."
    )
    async def publish_gig(self, info: Info, id: strawberry.ID) -> Payload[Gig]:
        work = gigs.transition(info.context, id, "publish")
        return await payload(work, Gig.from_row)

    @strawberry.mutation(graphql_type=GigPayload, description="Owner: cancels a draft or open gig.")
    async def cancel_gig(self, info: Info, id: strawberry.ID) -> Payload[Gig]:
        work = gigs.transition(info.context, id, "cancel")
        return await payload(work, Gig.from_row)
