"""Gigs: the marketplace's offers, from draft to open to cancelled (the workflow engineer's
modules take them on through filled, in progress and completed)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal
from uuid import uuid4

from graph import limits
from graph.database import Database, Row, Transaction
from graph.errors import (
    Conflict,
    ConstraintViolation,
    InvalidTransition,
    NotFound,
    ValidationFailed,
)
from graph.vocabulary import GigStatus, GigType, Importance
from resolvers.context import Context
from resolvers.loaders import Parts, load_many, load_one
from resolvers.pagination import Listing, Page, read_page
from resolvers.permissions import (
    posts_for_every_department,
    require_department_poster,
    require_gig_owner,
    sees_all_drafts,
    sees_gig,
)
from resolvers.records.departments import DepartmentRecord
from resolvers.records.gigs import GigRecord, GigSkillRecord
from resolvers.records.people import PersonRecord
from resolvers.records.skills import SkillSuggestionRecord
from resolvers.skills import require_live_skills, suggest_skills
from resolvers.validation import check_id, check_level, check_one_of, check_range, check_text
from resolvers.workflow.clock import now_utc
from resolvers.workflow.outbox import Outbox
from resolvers.workflow.rules import GIG_TRANSITIONS, SYSTEM_ACTOR

EDITABLE = (GigStatus.DRAFT, GigStatus.OPEN)
MAX_SEARCH_WORDS = 10


def gig_text_query(text: str) -> str:
    """A Lucene query for user text over gig titles and descriptions: only the words of the text
    (letters and digits; no character of it can become Lucene syntax), each fuzzy-prefixed, at most
    `MAX_SEARCH_WORDS` of them so the query stays within Lucene's clause limit."""
    words = re.findall(r"\w+", text.lower())[:MAX_SEARCH_WORDS]
    return " AND ".join(f"({word}* OR {word}~)" for word in words)


MAX_SKILLS = 30


@dataclass(frozen=True)
class GigSkill:
    skill_id: str
    min_proficiency: int = 3
    importance: str = Importance.REQUIRED


@dataclass(frozen=True)
class GigChange:
    """A gig's fields as a mutation gives them; None means 'not given'."""

    title: str | None = None
    description: str | None = None
    type: str | None = None
    department_id: str | None = None
    hours_per_week: float | None = None
    duration_weeks: int | None = None
    start_date: date | None = None
    seats: int | None = None
    external_hourly_rate: float | None = None
    location: str | None = None
    remote: bool | None = None
    application_deadline: date | None = None
    skills: tuple[GigSkill, ...] | None = None

    def properties(self) -> dict[str, Any]:
        """The given fields stored as Gig properties (department and skills are relationships)."""
        return {
            field.name: getattr(self, field.name)
            for field in fields(self)
            if field.name not in ("department_id", "skills")
            and getattr(self, field.name) is not None
        }


@dataclass(frozen=True)
class GigsFilter:
    statuses: tuple[str, ...] | None = None
    type: str | None = None
    department_id: str | None = None
    skill_id: str | None = None
    owner_id: str | None = None


class GigOrder(StrEnum):
    """How the gig search sorts (not a stored vocabulary: an order of the API)."""

    RELEVANCE = "relevance"
    NEWEST = "newest"
    START_DATE = "start_date"
    DEADLINE = "deadline"
    HOURS = "hours"


@dataclass(frozen=True)
class GigSearch:
    """What the "Find gigs" screen asks for: words, filters, an order; every field optional."""

    text: str | None = None
    statuses: tuple[str, ...] | None = (GigStatus.OPEN,)
    types: tuple[str, ...] | None = None
    department_id: str | None = None
    skill_id: str | None = None
    remote: bool | None = None
    location: str | None = None
    min_hours: float | None = None
    max_hours: float | None = None
    max_weeks: int | None = None
    include_closed: bool = False
    order: str = GigOrder.RELEVANCE


@dataclass(frozen=True)
class GigParts(Parts):
    """What a screen shows of each gig besides its properties, fetched with it in one query
    (`$with_*` switches of `gigs/gigs_by_ids`, `gigs/gigs_page` and `gigs/search_gigs`)."""

    owner: bool = False
    department: bool = False
    skills: bool = False


async def gig_by_id(ctx: Context, id: str, parts: GigParts | None = None) -> GigRecord | None:
    """The gig with the `parts` a screen shows, unless it is a draft the viewer may not see
    (someone else's, viewer not HR)."""
    wanted = parts or GigParts()
    gig = await load_one(
        ctx,
        "gigs/gigs_by_ids",
        id,
        lambda row: GigRecord.from_row(wanted.fetched(row)),
        **wanted.params(),
    )
    if gig is None:
        return None
    seen = sees_gig(ctx.viewer, gig.status, gig.owner_id, gig.published_at)
    return gig if seen else None


async def owner_id_of(ctx: Context, id: str) -> str | None:
    """Who owns gig `id` (`NotFound` when there is none), whoever may see the gig: read through
    the request's gig loader, so a screen that also shows the gig (`gig(id) { title }` beside
    its candidates) asks for it once."""
    gig = await load_one(ctx, "gigs/gigs_by_ids", id, GigRecord.from_row, **GigParts().params())
    if gig is None:
        raise NotFound("Gig", id)
    return gig.owner_id


async def gigs_page(
    ctx: Context,
    filter: GigsFilter,
    first: int,
    after: str | None,
    parts: GigParts | None = None,
    with_total: bool = False,
) -> Page[GigRecord]:
    """A page of gigs, each with the `parts` a screen shows (and the count of every match,
    `with_total`), in one query."""
    for status in filter.statuses or ():
        check_one_of("filter.statuses", status, GigStatus)
    check_one_of("filter.type", filter.type, GigType)
    params = {
        "viewer_id": ctx.viewer.person_id,
        "sees_all_drafts": sees_all_drafts(ctx.viewer),
        "statuses": list(filter.statuses) if filter.statuses is not None else None,
        "type": filter.type,
        "department_id": filter.department_id,
        "skill_id": filter.skill_id,
        "owner_id": filter.owner_id,
    }
    wanted = parts or GigParts()
    listing = Listing("gigs/gigs_page", lambda row: GigRecord.from_row(wanted.fetched(row)))
    return await read_page(ctx, listing, params | wanted.params(), first, after, with_total)


async def search_gigs(
    ctx: Context,
    search: GigSearch,
    first: int,
    after: str | None,
    parts: GigParts | None = None,
    with_total: bool = False,
) -> Page[GigRecord]:
    """Gigs whose title or description match the words (full text, ranked, typos forgiven),
    filtered and sorted; without words, every gig the filters let through. Each with the
    `parts` a screen shows (and the count of every match, `with_total`), in one query."""
    for status in search.statuses or ():
        check_one_of("search.statuses", status, GigStatus)
    for type in search.types or ():
        check_one_of("search.types", type, GigType)
    check_one_of("search.order", search.order, GigOrder)
    check_text("search.text", search.text, required=False)
    check_text("search.location", search.location, required=False)
    check_range("search.minHours", search.min_hours, 0, 40, open_low=False)
    check_range("search.maxHours", search.max_hours, 0, 40, open_low=False)
    check_range("search.maxWeeks", search.max_weeks, 1, 104, open_low=False)
    query = gig_text_query(search.text) if search.text is not None else None
    if search.text is not None and not query:
        raise ValidationFailed("search.text", "must contain a word")
    order = GigOrder.NEWEST if not query and search.order == GigOrder.RELEVANCE else search.order
    params = {
        "query": query,
        "viewer_id": ctx.viewer.person_id,
        "sees_all_drafts": sees_all_drafts(ctx.viewer),
        "statuses": list(search.statuses) if search.statuses is not None else None,
        "types": list(search.types) if search.types is not None else None,
        "department_id": search.department_id,
        "skill_id": search.skill_id,
        "remote": search.remote,
        "location": search.location,
        "min_hours": search.min_hours,
        "max_hours": search.max_hours,
        "max_weeks": search.max_weeks,
        "include_closed": search.include_closed,
        "today": date.today(),
    }
    wanted = parts or GigParts()
    listing = Listing(
        "gigs/search_gigs", lambda row: GigRecord.from_row(wanted.fetched(row)), ranked=True
    )
    return await read_page(
        ctx, listing, params | wanted.params() | {"order": order}, first, after, with_total
    )


async def owner_of(ctx: Context, id: str) -> PersonRecord | None:
    return await load_one(ctx, "gigs/owners_of_gigs", id, PersonRecord.from_row)


async def department_of(ctx: Context, id: str) -> DepartmentRecord | None:
    return await load_one(ctx, "gigs/departments_of_gigs", id, DepartmentRecord.from_row)


async def skills_of(ctx: Context, id: str) -> list[GigSkillRecord]:
    return await load_many(ctx, "gigs/skills_of_gigs", id, GigSkillRecord.from_row)


async def suggested_skills_of(
    ctx: Context, id: str, text: str, first: int
) -> list[SkillSuggestionRecord]:
    """Skills the gig's title and description mention that it does not ask for yet: offered to
    its owner to confirm, never added by themselves."""
    asked = {wanted.skill.id for wanted in await skills_of(ctx, id)}
    found = await suggest_skills(ctx.db, text, first + len(asked))
    return [suggestion for suggestion in found if suggestion.skill.id not in asked][:first]


def _check_gig(change: GigChange, today: date) -> None:
    check_text("title", change.title, required=True)
    check_text("description", change.description, required=False, longest=limits.DESCRIPTION)
    check_one_of("type", change.type, GigType)
    check_range("hoursPerWeek", change.hours_per_week, 0, 40, open_low=True)
    check_range("durationWeeks", change.duration_weeks, 1, 104, open_low=False)
    check_range("seats", change.seats, 1, 50, open_low=False)
    check_range("externalHourlyRate", change.external_hourly_rate, 0, 10_000, open_low=False)
    check_text("location", change.location, required=False, longest=100)
    if change.start_date is not None and change.start_date < today:
        raise ValidationFailed("startDate", "must not be in the past")
    if change.application_deadline is not None and change.application_deadline < today:
        raise ValidationFailed("applicationDeadline", "must not be in the past")
    if (
        change.application_deadline is not None
        and change.start_date is not None
        and change.application_deadline > change.start_date
    ):
        raise ValidationFailed("applicationDeadline", "must not be after the start date")
    if change.skills is None:
        return
    if len(change.skills) > MAX_SKILLS:
        raise ValidationFailed("skills", f"at most {MAX_SKILLS} skills")
    if len({skill.skill_id for skill in change.skills}) < len(change.skills):
        raise ValidationFailed("skills", "each skill may appear once")
    for skill in change.skills:
        check_level("skills.minProficiency", skill.min_proficiency, 5)
        check_one_of("skills.importance", skill.importance, Importance)


async def _write_relations(
    ctx: Context, tx: Transaction, id: str, change: GigChange, moving: bool
) -> None:
    """Checks and writes the department (when `moving`) and skills (when given)."""
    if change.department_id is not None:
        if not await tx.run("departments/departments_by_ids", ids=[change.department_id]):
            raise NotFound("Department", change.department_id)
        if not posts_for_every_department(ctx.viewer):
            postable = await tx.run(
                "departments/postable_departments", person_id=ctx.viewer.person_id
            )
            member = any(
                department.id == change.department_id
                for department in DepartmentRecord.listed(postable)
            )
            require_department_poster(ctx.viewer, member)
        if moving:
            await tx.run("gigs/move_gig", id=id, department_id=change.department_id)
    if change.skills is not None:
        await require_live_skills(tx, [skill.skill_id for skill in change.skills], "skills", ctx.db)
        rows = [
            {
                "skill_id": s.skill_id,
                "min_proficiency": s.min_proficiency,
                "importance": s.importance,
            }
            for s in change.skills
        ]
        await tx.run("gigs/set_gig_skills", id=id, skills=rows)


async def create_gig(ctx: Context, id: str | None, change: GigChange) -> GigRecord:
    """A draft gig owned by the viewer; `id` is generated when not given."""
    gig_id = id or f"G-{uuid4().hex[:12]}"
    check_id("id", gig_id)
    for name in ("title", "type", "department_id"):
        if getattr(change, name) is None:
            raise ValidationFailed(name, "is required")
    _check_gig(change, date.today())
    properties = {
        "description": "",
        "hours_per_week": 4.0,
        "duration_weeks": 4,
        "seats": 1,
        "external_hourly_rate": 0.0,
        "remote": False,
    } | change.properties()

    async def work(tx: Transaction) -> GigRecord:
        await _write_relations(
            ctx, tx, gig_id, GigChange(department_id=change.department_id), False
        )
        rows = await tx.run(
            "gigs/create_gig",
            gig={"id": gig_id, **properties},
            owner_id=ctx.viewer.person_id,
            department_id=change.department_id,
        )
        if not rows:
            raise NotFound("Person", ctx.viewer.person_id)
        await _write_relations(ctx, tx, gig_id, GigChange(skills=change.skills), False)
        gig = GigRecord.from_row(rows[0]["gig"])
        await _audited(tx, ctx, "create", gig_id, None, gig.status)
        return gig

    try:
        return await ctx.db.in_write_transaction(work)
    except ConstraintViolation:  # Neo4j's message names its internal node id: not for clients
        raise Conflict(f"a gig with id {gig_id!r} exists already") from None


async def _locked(
    tx: Transaction, ctx: Context, id: str, attempted: str, allowed: tuple[str, ...]
) -> Row:
    """The gig, locked, after checking the viewer owns it and its status allows `attempted`."""
    rows = await tx.run("gigs/lock_gig", id=id)
    if not rows:
        raise NotFound("Gig", id)
    gig: Row = rows[0]
    require_gig_owner(ctx.viewer, gig["owner_id"])
    if gig["gig"]["status"] not in allowed:
        raise InvalidTransition("gig", gig["gig"]["status"], attempted)
    return gig


async def update_gig(ctx: Context, id: str, change: GigChange) -> GigRecord:
    _check_gig(change, date.today())

    async def work(tx: Transaction) -> GigRecord:
        await _locked(tx, ctx, id, "update", EDITABLE)
        await _write_relations(ctx, tx, id, change, True)
        rows = await tx.run("gigs/update_gig", id=id, fields=change.properties())
        return GigRecord.from_row(rows[0]["gig"])

    return await ctx.db.in_write_transaction(work)


async def transition(ctx: Context, id: str, attempted: Literal["publish", "cancel"]) -> GigRecord:
    """Publishes (`attempted` = 'publish': draft to open, with at least one skill) or cancels
    (`attempted` = 'cancel': draft or open to cancelled; a filled gig has engagements, which
    the workflow ends) a gig."""
    query = {"publish": "gigs/publish_gig", "cancel": "gigs/cancel_gig"}[attempted]
    rule = GIG_TRANSITIONS[attempted]

    async def work(tx: Transaction) -> GigRecord:
        locked = await _locked(tx, ctx, id, attempted, tuple(rule.sources))
        if attempted == "publish" and not locked["skills"]:
            raise ValidationFailed("skills", "a gig needs at least one skill to be published")
        rows = await tx.run(query, id=id, target=rule.target)
        gig = GigRecord.from_row(rows[0]["gig"])
        await _audited(tx, ctx, attempted, id, locked["gig"]["status"], gig.status)
        return gig

    return await ctx.db.in_write_transaction(work)


async def start_due_gigs(db: Database, as_of: datetime) -> list[GigRecord]:
    """Filled gigs whose start date has come by `as_of` (or that have none) become `in_progress`:
    the scheduled half of the gig lifecycle (`talentgraph gigs start-due`, from cron), each start
    in the gig's audit trail with the system as actor. Idempotent."""

    async def work(tx: Transaction) -> list[GigRecord]:
        rule = GIG_TRANSITIONS["start"]
        rows = await tx.run("gigs/start_due_gigs", today=as_of.date(), now=as_of, **rule.params())
        outbox = Outbox(SYSTEM_ACTOR)
        for row in rows:
            gig_id = row["gig"]["id"]
            outbox.event("start", "gig", gig_id, row["before"], rule.target, gig_id=gig_id)
        await outbox.flush(tx, now_utc())
        return [GigRecord.from_row(row["gig"]) for row in rows]

    return await db.in_write_transaction(work)


async def _audited(
    tx: Transaction, ctx: Context, action: str, gig_id: str, before: str | None, after: str
) -> None:
    """Records a gig's creation, publication or cancellation in its audit trail."""
    outbox = Outbox(ctx.viewer.person_id)
    outbox.event(action, "gig", gig_id, before, after, gig_id=gig_id)
    await outbox.flush(tx, now_utc())
