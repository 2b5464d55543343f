"""Skills: the taxonomy, its search, and who holds what."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass

from neo4j import AsyncDriver

from graph import limits
from graph.database import Database, Row, Transaction
from graph.errors import Conflict, NotFound, ValidationFailed
from resolvers.context import Context
from resolvers.loaders import load_each, load_many, load_one
from resolvers.pagination import Listing, Page, offset_after, ranked_page, read_page
from resolvers.permissions import require_admin
from resolvers.records.skills import RelatedSkillRecord, SkillRecord, SkillSuggestionRecord
from resolvers.validation import check_first, check_id, check_text
from seed.skill_matcher import SkillEntry, SkillMatcher
from seed.skill_suggestions import SkillSuggester

MAX_SEARCH_RESULTS = 1000
SKILL_LIST = Listing("skills/skills_page", SkillRecord.from_row)
HOLDER_LOOKUPS = 500


@dataclass(frozen=True)
class CustomSkill:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    broader_id: str | None = None


@dataclass
class _Index:
    version: str | None
    entries: list[SkillEntry]
    matcher: SkillMatcher
    suggester: SkillSuggester | None = None


# per driver and database: the service hands each request its own `Database` (`with_log`) over
# the one driver, and every request must find the index the ones before it built
_indexes: weakref.WeakKeyDictionary[AsyncDriver, dict[str, _Index]] = weakref.WeakKeyDictionary()
_building = asyncio.Lock()


async def _index(db: Database, version: str | None = None) -> _Index:
    """The in-memory index of every skill's names, rebuilt when the graph's skill names changed
    (`SkillNamesVersion`, bumped by every import, custom skill and deprecation). `version`: the
    graph's, when the caller has just read it."""
    if version is None:
        version = (await db.read("skills/skill_names_version"))[0]["version"]
    index = _held(db)
    if index is not None and index.version == version:
        return index
    async with _building:
        index = _held(db)
        if index is None or index.version != version:
            entries = [
                SkillEntry(
                    id=row["id"],
                    label=row["label"],
                    aliases=tuple(row["aliases"]),
                    is_group=row["is_group"],
                    deprecated=row["deprecated"],
                    description=row["description"],
                )
                for row in await db.read("skills/skill_search_entries")
            ]
            index = _Index(version, entries, SkillMatcher.build(entries))
            _indexes.setdefault(db.driver, {})[db.database] = index
        return index


def _held(db: Database) -> _Index | None:
    return _indexes.get(db.driver, {}).get(db.database)


async def suggest_skills(db: Database, text: str, first: int) -> list[SkillSuggestionRecord]:
    """The skills `text` (a gig's description, a CV or bio) mentions, best first, each with
    `phrase` (what triggered it), `matched_name` and `confidence`. Only offered: nothing is
    written; the person confirms a suggestion by adding the skill (a profile skill then starts as
    a claim, never validated)."""
    index = await _index(db)
    if index.suggester is None:
        related = [
            (row["skill_id"], row["related_id"], float(row["weight"]))
            for row in await db.read("skills/skill_relations")
        ]
        index.suggester = SkillSuggester.build(index.entries, related)
    found = index.suggester.suggest(text, first)
    if not found:
        return []
    rows = {
        row["key"]: row["value"]
        for row in await db.read("skills/skills_by_ids", ids=[s.id for s in found])
    }
    return [
        SkillSuggestionRecord(
            skill=SkillRecord.from_row(rows[s.id]),
            phrase=s.phrase,
            matched_name=s.matched_name,
            confidence=s.confidence,
        )
        for s in found
        if s.id in rows
    ]


async def search_skills(db: Database, text: str, limit: int) -> tuple[list[Row], int]:
    """The skills `text` names, best first, each row with `matched_name` (the label or alias that
    matched); and how many matched in all. The one search of the API, the CLI and every "did you
    mean" (`seed.skill_matcher` says how it ranks). Ties go to the skill more people hold.

    One round trip: the query reads the shown skills and the version of the skills' names; an
    index older than that version is rebuilt and the search run again on it."""
    index = _held(db) or await _index(db)
    while True:
        # holder counts can only reorder matches equal on everything before them: the ties of
        # the last one shown come along
        found = index.matcher.ranked(text, limit, ties=HOLDER_LOOKUPS)
        tied = found.matches[:HOLDER_LOOKUPS]
        after = found.matches[len(tied) : limit]
        [row] = await db.read(
            "skills/search_results",
            ids=[m.id for m in tied],
            buckets=found.buckets[: len(tied)],
            then_ids=[m.id for m in after],
            limit=limit,
        )
        if row["version"] == index.version:
            break
        index = await _index(db, row["version"])
    following = {skill["id"]: skill for skill in row["following"]}
    names = {m.id: m.matched_name for m in found.matches}
    shown = row["shown"] + [following[m.id] for m in after if m.id in following]
    rows = [{**skill, "matched_name": names[skill["id"]]} for skill in shown[:limit]]
    return rows, min(found.total, MAX_SEARCH_RESULTS)


async def skill_by_id(ctx: Context, id: str) -> SkillRecord | None:
    return await load_one(ctx, "skills/skills_by_ids", id, SkillRecord.from_row)


async def skills_by_ids(ctx: Context, ids: list[str]) -> list[SkillRecord]:
    """The skills of `ids`, in their order (one that vanished shows its id as label)."""
    rows = await load_each(ctx, "skills/skills_by_ids", ids)
    return [
        SkillRecord.from_row(row) if row else SkillRecord.named(id)
        for id, row in zip(ids, rows, strict=True)
    ]


async def suggestions_for(ctx: Context, text: str, first: int) -> list[SkillSuggestionRecord]:
    """`suggest_skills` for the API: the text checked, `first` within the page size."""
    check_text("text", text, required=True, longest=20_000)
    if not 1 <= first <= ctx.settings.max_page_size:
        raise ValidationFailed("first", f"must be between 1 and {ctx.settings.max_page_size}")
    return await suggest_skills(ctx.db, text, first)


async def skills_page(
    ctx: Context,
    search: str | None,
    include_deprecated: bool,
    first: int,
    after: str | None,
    with_total: bool = False,
) -> Page[SkillRecord]:
    """Skills matching `search`, ranked (deprecated ones last), or every skill in id order
    (counted in the same query when `with_total`)."""
    if search is None:
        params = {"include_deprecated": include_deprecated}
        return await read_page(ctx, SKILL_LIST, params, first, after, with_total)
    check_text("search", search, required=False)
    if not search.strip():
        raise ValidationFailed("search", "must contain a word")
    size = check_first(first, ctx.settings)
    skip = offset_after(after)
    rows, total = await search_skills(ctx.db, search, skip + size + 1)
    return ranked_page([SkillRecord.from_row(row) for row in rows], skip, size, total)


async def broader_of(ctx: Context, id: str) -> list[SkillRecord]:
    return await load_many(ctx, "skills/broader_of_skills", id, SkillRecord.from_row)


async def narrower_of(ctx: Context, id: str) -> list[SkillRecord]:
    return await load_many(ctx, "skills/narrower_of_skills", id, SkillRecord.from_row)


async def related_of(ctx: Context, id: str) -> list[RelatedSkillRecord]:
    return await load_many(ctx, "skills/related_of_skills", id, RelatedSkillRecord.from_row)


async def holder_count_of(ctx: Context, id: str) -> int:
    holders = await load_one(
        ctx, "skills/holder_counts_of_skills", id, lambda row: int(row["holders"])
    )
    return holders or 0


async def did_you_mean(db: Database, text: str) -> str:
    """'; did you mean …' with the first skills the search finds for `text`, or nothing."""
    rows, _ = await search_skills(db, text, 3)
    return "; did you mean " + ", ".join(repr(row["label"]) for row in rows) if rows else ""


async def require_live_skills(tx: Transaction, ids: list[str], field: str, db: Database) -> None:
    """Every skill in `ids` exists (NotFound, saying what the search would offer instead) and is
    not deprecated (ValidationFailed)."""
    found = {row["key"]: row["value"] for row in await tx.run("skills/skills_by_ids", ids=ids)}
    for id in ids:
        if id not in found:
            raise NotFound("Skill", id, await did_you_mean(db, id))
        if found[id].get("deprecated"):
            raise ValidationFailed(field, f"{found[id]['label']!r} is deprecated")


async def holders_changed(tx: Transaction, skill_ids: list[str]) -> None:
    """Every write of who holds a skill at what level calls this in its transaction: matching
    reads the skills' holder digests (`skills/refresh_holder_digests`), never the edges."""
    await tx.run("skills/refresh_holder_digests", skill_ids=skill_ids)


def _check_custom_skill(skill: CustomSkill) -> None:
    check_id("id", skill.id)
    check_text("label", skill.label, required=True)
    for alias in skill.aliases:
        check_text("aliases", alias, required=True)
    check_text("description", skill.description, required=False, longest=limits.DESCRIPTION)
    if skill.broader_id == skill.id:
        raise ValidationFailed("broaderId", "a skill cannot be broader than itself")


async def upsert_custom_skill(ctx: Context, skill: CustomSkill) -> SkillRecord:
    """Adds or changes one of the organisation's own skills; taxonomy skills are not editable."""
    require_admin(ctx.viewer, "change the skills taxonomy")
    _check_custom_skill(skill)

    async def work(tx: Transaction) -> SkillRecord:
        ids = [skill.id, skill.broader_id] if skill.broader_id else [skill.id]
        found = {row["key"]: row["value"] for row in await tx.run("skills/skills_by_ids", ids=ids)}
        if skill.id in found and not found[skill.id].get("custom"):
            raise Conflict(f"{skill.id!r} is a taxonomy skill; only custom skills can be edited")
        if skill.broader_id and skill.broader_id not in found:
            raise NotFound("Skill", skill.broader_id)
        if await tx.run("skills/skills_with_label", label=skill.label, id=skill.id):
            raise Conflict(f"a skill labelled {skill.label.strip()!r} already exists")
        row = {
            "id": skill.id,
            "label": skill.label.strip(),
            "aliases": [alias.strip() for alias in skill.aliases],
            "broader_id": skill.broader_id,
        }
        await tx.run("imports/upsert_custom_skills", rows=[row])
        rows = await tx.run(
            "skills/set_skill_description", id=skill.id, description=skill.description
        )
        return SkillRecord.from_row(rows[0]["skill"])

    return await ctx.db.in_write_transaction(work)


async def deprecate_skill(ctx: Context, id: str) -> SkillRecord:
    require_admin(ctx.viewer, "change the skills taxonomy")

    async def work(tx: Transaction) -> SkillRecord:
        rows = await tx.run("skills/deprecate_skill", id=id)
        if not rows:
            raise NotFound("Skill", id)
        return SkillRecord.from_row(rows[0]["skill"])

    return await ctx.db.in_write_transaction(work)
