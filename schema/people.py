"""GraphQL types and fields for people: profiles, skills and aspirations."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import Self

import strawberry

from resolvers import departments, people
from resolvers.context import Info
from resolvers.records import NOT_FETCHED
from resolvers.records.people import AspirationRecord, HeldSkillRecord, PersonRecord
from schema.connections import Connection, connection, total_selected
from schema.departments import Department
from schema.payloads import Payload, payload, payload_type
from schema.selection import fetched_field, selected
from schema.skills import Skill
from schema.vocabulary import SkillSource, Visibility


@strawberry.type(description="A skill someone holds, at a proficiency 1-5.")
class PersonSkill:
    skill: Skill
    proficiency: int
    validated: bool = strawberry.field(description="A manager or gig feedback vouched for it.")
    source: SkillSource
    confirmed_at: datetime | None

    @classmethod
    def from_record(cls, record: HeldSkillRecord) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            proficiency=record.proficiency,
            validated=record.validated,
            source=record.source,
            confirmed_at=record.confirmed_at,
        )


@strawberry.type(description="A skill someone wants to grow, with an interest 1-3.")
class Aspiration:
    skill: Skill
    interest: int
    visibility: Visibility

    @classmethod
    def from_record(cls, record: AspirationRecord) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            interest=record.interest,
            visibility=record.visibility,
        )


async def _reports(root: Person, info: Info) -> list[Person]:
    reports = await people.reports_of(info.context, root.id)
    return [Person.from_record(report) for report in reports]


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

    record: strawberry.Private[PersonRecord]
    """The person's properties, and the nested parts its query fetched (look-ahead)."""

    @classmethod
    def from_record(cls, record: PersonRecord) -> Self:
        return cls(
            id=strawberry.ID(record.id),
            name=record.name,
            email=record.email,
            title=record.title,
            location=record.location,
            weekly_hours=record.weekly_hours,
            gig_capacity_pct=record.gig_capacity_pct,
            active=record.active,
            record=record,
        )

    department: Department | None = fetched_field(
        lambda person: person.record.department,
        lambda department: Department.from_record(department) if department else None,
        lambda context, person: people.department_of(context, person.id),
    )
    manager: Person | None = fetched_field(
        lambda person: person.record.manager,
        lambda manager: Person.from_record(manager) if manager else None,
        lambda context, person: people.manager_of(context, person.id),
    )

    # a field like its neighbours, so that the schema keeps its order of fields
    reports: list[Person] = strawberry.field(
        resolver=_reports, description="Direct reports, by name."
    )
    skills: list[PersonSkill] = fetched_field(
        lambda person: person.record.skills,
        lambda held: [PersonSkill.from_record(skill) for skill in held],
        lambda context, person: people.skills_of(context, person.id),
        description="Skills held, strongest first.",
    )

    @strawberry.field(
        description="Skills the person wants to grow; private ones only for the person, "
        "their manager and HR.",
        graphql_type=list[Aspiration],
    )
    def aspirations(self, info: Info) -> list[Aspiration] | Awaitable[list[Aspiration]]:
        aspirations, manager = self.record.aspirations, self.record.manager
        if aspirations is not NOT_FETCHED and manager is not NOT_FETCHED:
            visible = people.visible_aspirations(info.context, self.id, aspirations, manager)
            return [Aspiration.from_record(aspiration) for aspiration in visible]
        return self._loaded_aspirations(info)

    async def _loaded_aspirations(self, info: Info) -> list[Aspiration]:
        visible = await people.aspirations_of(info.context, self.id)
        return [Aspiration.from_record(aspiration) for aspiration in visible]


@strawberry.type(name="Viewer", description="Who is asking.")
class ViewerType:
    """The GraphQL view of `resolvers.identity.Viewer`."""

    roles: list[str]
    person_id: strawberry.Private[str]

    @strawberry.field(description="The viewer's profile (null if the token names no person).")
    async def person(self, info: Info) -> Person | None:
        person = await people.person_by_id(info.context, self.person_id)
        return Person.from_record(person) if person else None

    @strawberry.field(
        description="The departments the viewer may post gigs for, by name: their own, those "
        "above it and those inside it (every department for HR)."
    )
    async def postable_departments(self, info: Info) -> list[Department]:
        records = await departments.postable_departments(info.context)
        return [Department.from_record(record) for record in records]


@strawberry.input(name="PeopleFilter", description="Which people; every field is optional.")
class PeopleFilterInput:
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="Members of this department or its sub-departments."
    )
    skill_id: strawberry.ID | None = None
    min_proficiency: int = strawberry.field(
        default=1, description="With `skillId`: the lowest proficiency (1-5)."
    )
    location: str | None = strawberry.field(default=None, description="Exact, any case.")
    active: bool | None = strawberry.field(default=True, description="null: active or not.")

    def to_value(self) -> people.PeopleFilter:
        return people.PeopleFilter(
            department_id=self.department_id,
            skill_id=self.skill_id,
            min_proficiency=self.min_proficiency,
            location=self.location,
            active=self.active,
        )


@strawberry.input(description="Profile fields to change; omitted fields stay as they are.")
class ProfileInput:
    person_id: strawberry.ID | None = strawberry.field(
        default=None, description="Whose profile: the viewer's when omitted (admins: anyone's)."
    )
    title: str | None = None
    location: str | None = None
    weekly_hours: float | None = None
    gig_capacity_pct: float | None = None

    def to_value(self) -> people.ProfileChange:
        return people.ProfileChange(
            title=self.title,
            location=self.location,
            weekly_hours=self.weekly_hours,
            gig_capacity_pct=self.gig_capacity_pct,
        )


@strawberry.input(
    description="A self-declared skill. Changing the level of a validated skill makes it a "
    "self-declared, unvalidated claim again; re-declaring the same level keeps the validation."
)
class SkillClaimInput:
    skill_id: strawberry.ID
    proficiency: int = strawberry.field(description="1-5")
    person_id: strawberry.ID | None = None


@strawberry.input
class AspirationInput:
    skill_id: strawberry.ID
    interest: int = strawberry.field(default=2, description="1-3")
    visibility: Visibility = Visibility.MATCHING
    person_id: strawberry.ID | None = None


ProfilePayload = payload_type(
    Person, "Profile", "The profile after the change, or why nothing changed."
)


@strawberry.input(
    description="A skill or aspiration to remove (from the viewer's profile by default)."
)
class RemoveSkillInput:
    skill_id: strawberry.ID
    person_id: strawberry.ID | None = None


def person_parts(info: Info, below: str = "edges.node") -> people.PersonParts:
    """The parts of each person the field's selection shows (look-ahead)."""
    fields = selected(info, below)
    return people.PersonParts(
        department="department" in fields,
        manager="manager" in fields,
        skills="skills" in fields,
        aspirations="aspirations" in fields,
    )


def _whose(info: Info, person_id: strawberry.ID | None) -> str:
    return person_id or info.context.viewer.person_id


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="Who is asking: their roles and profile.")
    def viewer(self, info: Info) -> ViewerType:
        viewer = info.context.viewer
        return ViewerType(roles=sorted(viewer.roles), person_id=viewer.person_id)

    @strawberry.field(description="One person by id, or null when there is none.")
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        person = await people.person_by_id(info.context, id)
        return Person.from_record(person) if person else None

    @strawberry.field(description="People matching `filter`, in id order.")
    async def people(
        self,
        info: Info,
        filter: PeopleFilterInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Person]:
        value = (filter or PeopleFilterInput()).to_value()
        page = await people.people_page(
            info.context, value, first, after, person_parts(info), total_selected(info)
        )
        return connection(page, Person.from_record)


@strawberry.type
class PeopleMutation:
    @strawberry.mutation(
        graphql_type=ProfilePayload,
        description="Changes title, location, weekly hours or gig capacity.",
    )
    async def update_profile(self, info: Info, input: ProfileInput) -> Payload[Person]:
        work = people.update_profile(info.context, _whose(info, input.person_id), input.to_value())
        return await payload(work, Person.from_record)

    @strawberry.mutation(
        graphql_type=ProfilePayload, description="Adds a self-declared skill or changes its level."
    )
    async def set_skill(self, info: Info, input: SkillClaimInput) -> Payload[Person]:
        work = people.set_skill(
            info.context, _whose(info, input.person_id), input.skill_id, input.proficiency
        )
        return await payload(work, Person.from_record)

    @strawberry.mutation(graphql_type=ProfilePayload, description="Removes a skill from a profile.")
    async def remove_skill(self, info: Info, input: RemoveSkillInput) -> Payload[Person]:
        whose = _whose(info, input.person_id)
        work = people.remove(info.context, whose, input.skill_id, "skill")
        return await payload(work, Person.from_record)

    @strawberry.mutation(
        graphql_type=ProfilePayload,
        description="Adds an aspiration or changes its interest or visibility.",
    )
    async def set_aspiration(self, info: Info, input: AspirationInput) -> Payload[Person]:
        work = people.set_aspiration(
            info.context,
            _whose(info, input.person_id),
            input.skill_id,
            input.interest,
            input.visibility.value,
        )
        return await payload(work, Person.from_record)

    @strawberry.mutation(graphql_type=ProfilePayload, description="Removes an aspiration.")
    async def remove_aspiration(self, info: Info, input: RemoveSkillInput) -> Payload[Person]:
        whose = _whose(info, input.person_id)
        work = people.remove(info.context, whose, input.skill_id, "aspiration")
        return await payload(work, Person.from_record)
