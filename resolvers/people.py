"""People: profiles, reporting lines, skills and aspirations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from graph.database import Database, Row, Transaction
from graph.errors import EntityKind, NotFound
from graph.vocabulary import Visibility
from resolvers.context import Context
from resolvers.identity import Viewer
from resolvers.loaders import Parts, load_many, load_one
from resolvers.pagination import Listing, Page, read_page
from resolvers.permissions import (
    require_active_person,
    require_profile_editor,
    sees_private_aspirations,
)
from resolvers.records.departments import DepartmentRecord
from resolvers.records.people import AspirationRecord, HeldSkillRecord, PersonRecord
from resolvers.skills import holders_changed, require_live_skills
from resolvers.validation import check_level, check_one_of, check_range, check_text

REMOVABLE: dict[str, tuple[str, EntityKind]] = {
    "skill": ("people/remove_own_skill", "Skill"),
    "aspiration": ("people/remove_aspiration", "Aspiration"),
}


@dataclass(frozen=True)
class PeopleFilter:
    department_id: str | None = None
    skill_id: str | None = None
    min_proficiency: int = 1
    location: str | None = None
    active: bool | None = True


@dataclass(frozen=True)
class PersonParts(Parts):
    """What a screen shows of each person besides their properties: the parts a page fetches
    with the people in the same query (`people/people_page`'s `$with_*` switches)."""

    department: bool = False
    manager: bool = False
    skills: bool = False
    aspirations: bool = False

    def kept(self) -> set[str]:
        # the manager comes with the aspirations: it decides who sees the private ones
        return super().kept() | ({"manager"} if self.aspirations else set())


@dataclass(frozen=True)
class ProfileChange:
    title: str | None = None
    location: str | None = None
    weekly_hours: float | None = None
    gig_capacity_pct: float | None = None


async def require_active_viewer(db: Database, viewer: Viewer) -> None:
    """Refuses (`Forbidden`) a viewer who is no active person: asked once per request."""
    rows = await db.read("people/viewer_standing", id=viewer.person_id)
    require_active_person(viewer, rows[0] if rows else None)


async def person_by_id(ctx: Context, id: str) -> PersonRecord | None:
    return await load_one(ctx, "people/people_by_ids", id, PersonRecord.from_row)


async def people_page(
    ctx: Context,
    filter: PeopleFilter,
    first: int,
    after: str | None,
    parts: PersonParts | None = None,
    with_total: bool = False,
) -> Page[PersonRecord]:
    """A page of people, each with the `parts` a screen shows (and the count of every match,
    `with_total`), in one query."""
    check_level("filter.minProficiency", filter.min_proficiency, 5)
    check_text("filter.location", filter.location, required=False)
    wanted = parts or PersonParts()
    listing = Listing("people/people_page", lambda row: PersonRecord.from_row(wanted.fetched(row)))
    return await read_page(ctx, listing, asdict(filter) | wanted.params(), first, after, with_total)


async def department_of(ctx: Context, person_id: str) -> DepartmentRecord | None:
    return await load_one(
        ctx, "departments/departments_of_people", person_id, DepartmentRecord.from_row
    )


async def manager_of(ctx: Context, person_id: str) -> PersonRecord | None:
    return await load_one(ctx, "people/managers_of_people", person_id, PersonRecord.from_row)


async def reports_of(ctx: Context, person_id: str) -> list[PersonRecord]:
    return await load_many(ctx, "people/reports_of_people", person_id, PersonRecord.from_row)


async def skills_of(ctx: Context, person_id: str) -> list[HeldSkillRecord]:
    return await load_many(ctx, "people/skills_of_people", person_id, HeldSkillRecord.from_row)


def visible_aspirations(
    ctx: Context,
    person_id: str,
    aspirations: Sequence[AspirationRecord],
    manager: PersonRecord | None,
) -> list[AspirationRecord]:
    """The aspirations the viewer may see: private ones only for the person, their manager
    and HR."""
    if sees_private_aspirations(ctx.viewer, person_id, manager.id if manager else None):
        return list(aspirations)
    return [wish for wish in aspirations if wish.visibility == Visibility.MATCHING]


async def aspirations_of(ctx: Context, person_id: str) -> list[AspirationRecord]:
    """The person's aspirations the viewer may see (`visible_aspirations`), loaded."""
    aspirations = await load_many(
        ctx, "people/aspirations_of_people", person_id, AspirationRecord.from_row
    )
    return visible_aspirations(ctx, person_id, aspirations, await manager_of(ctx, person_id))


def _check_profile(change: ProfileChange) -> None:
    check_text("title", change.title, required=True)
    check_text("location", change.location, required=False)
    check_range("weeklyHours", change.weekly_hours, 0, 80, open_low=True)
    check_range("gigCapacityPct", change.gig_capacity_pct, 0, 100, open_low=False)


async def _profile(tx: Transaction, person_id: str) -> PersonRecord:
    rows = await tx.run("people/person_by_id", id=person_id)
    if not rows:
        raise NotFound("Person", person_id)
    return PersonRecord.from_row(rows[0]["person"])


async def update_profile(ctx: Context, person_id: str, change: ProfileChange) -> PersonRecord:
    require_profile_editor(ctx.viewer, person_id)
    _check_profile(change)

    async def work(tx: Transaction) -> PersonRecord:
        await _profile(tx, person_id)
        rows = await tx.run("people/update_profile", id=person_id, **asdict(change))
        return PersonRecord.from_row(rows[0]["person"])

    return await ctx.db.in_write_transaction(work)


async def set_skill(ctx: Context, person_id: str, skill_id: str, proficiency: int) -> PersonRecord:
    """Declares a skill. A new level is a self-declared, unvalidated claim, even when it
    changes a validated skill: the person's word replaces the evidence it no longer matches."""
    require_profile_editor(ctx.viewer, person_id)
    check_level("proficiency", proficiency, 5)

    async def work(tx: Transaction) -> PersonRecord:
        person = await _profile(tx, person_id)
        await require_live_skills(tx, [skill_id], "skillId", ctx.db)
        await tx.run(
            "people/set_own_skill", person_id=person_id, skill_id=skill_id, proficiency=proficiency
        )
        await holders_changed(tx, [skill_id])
        return person

    return await ctx.db.in_write_transaction(work)


async def set_aspiration(
    ctx: Context, person_id: str, skill_id: str, interest: int, visibility: str
) -> PersonRecord:
    require_profile_editor(ctx.viewer, person_id)
    check_level("interest", interest, 3)
    check_one_of("visibility", visibility, Visibility)

    async def work(tx: Transaction) -> PersonRecord:
        person = await _profile(tx, person_id)
        await require_live_skills(tx, [skill_id], "skillId", ctx.db)
        await tx.run(
            "people/set_aspiration",
            person_id=person_id,
            skill_id=skill_id,
            interest=interest,
            visibility=visibility,
        )
        return person

    return await ctx.db.in_write_transaction(work)


async def remove(ctx: Context, person_id: str, skill_id: str, what: str) -> PersonRecord:
    """Removes a skill (`what` = 'skill') or an aspiration (`what` = 'aspiration')."""
    require_profile_editor(ctx.viewer, person_id)
    query, kind = REMOVABLE[what]

    async def work(tx: Transaction) -> PersonRecord:
        person = await _profile(tx, person_id)
        rows = await tx.run(query, person_id=person_id, skill_id=skill_id)
        if not rows[0]["removed"]:
            raise NotFound(kind, skill_id)
        if what == "skill":
            await holders_changed(tx, [skill_id])
        return person

    return await ctx.db.in_write_transaction(work)


async def demo_people_by_role(db: Database, per_role: int) -> list[Row]:
    """A few people per demo role (employee, owner, manager, hr, admin) for the development
    sign-in page: each employee's manager is among the managers listed."""
    return await db.read("people/demo_people_by_role", per_role=per_role)


async def person_exists(db: Database, person_id: str) -> bool:
    return bool(await db.read("people/person_by_id", id=person_id))
