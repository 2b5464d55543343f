"""Skills: the taxonomy, its search, and who holds what."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph import limits
from graph.database import Row, Transaction
from graph.errors import Conflict, NotFound, ValidationFailed
from resolvers.context import Context
from resolvers.loaders import load_many, load_one
from resolvers.pagination import Page, keyset_page, offset_page
from resolvers.permissions import require_admin
from resolvers.validation import check_id, check_text

MAX_SEARCH_WORDS = 8  # two Lucene clauses a word; Neo4j refuses too many nested clauses
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


@dataclass(frozen=True)
class CustomSkill:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    broader_id: str | None = None


def fulltext_query(search: str) -> str:
    """A Lucene query for user text: special characters escaped, every word fuzzy-prefixed, so
    'pyth' and 'pyhton' both find Python without letting the user write Lucene (lower case, so
    AND, OR and NOT are words too)."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", word) for word in search.lower().split()]
    return " AND ".join(f"({word}* OR {word}~)" for word in words if word)


async def skill_by_id(ctx: Context, id: str) -> Row | None:
    return await load_one(ctx, "skills/skills_by_ids", id)


async def skills_page(
    ctx: Context, search: str | None, include_deprecated: bool, first: int, after: str | None
) -> Page:
    """Skills matching `search`, ranked (deprecated ones last), or every skill in id order."""
    if search is None:
        return await keyset_page(
            ctx,
            "skills/skills_page",
            "skills/skills_count",
            "skill",
            {"include_deprecated": include_deprecated},
            first,
            after,
        )
    check_text("search", search, required=False)
    if len(search.split()) > MAX_SEARCH_WORDS:
        raise ValidationFailed("search", f"at most {MAX_SEARCH_WORDS} words")
    query = fulltext_query(search)
    if not query:
        raise ValidationFailed("search", "must contain a word")
    return await offset_page(
        ctx,
        "skills/search_skills",
        "skills/search_skills_count",
        "skill",
        {"query": query},
        first,
        after,
    )


async def broader_of(ctx: Context, id: str) -> list[Row]:
    return await load_many(ctx, "skills/broader_of_skills", id)


async def narrower_of(ctx: Context, id: str) -> list[Row]:
    return await load_many(ctx, "skills/narrower_of_skills", id)


async def related_of(ctx: Context, id: str) -> list[Row]:
    return await load_many(ctx, "skills/related_of_skills", id)


async def holder_count_of(ctx: Context, id: str) -> int:
    row = await load_one(ctx, "skills/holder_counts_of_skills", id)
    return int(row["holders"]) if row else 0


async def require_live_skills(tx: Transaction, ids: list[str], field: str) -> None:
    """Every skill in `ids` exists (NotFound) and is not deprecated (ValidationFailed)."""
    found = {row["key"]: row["value"] for row in await tx.run("skills/skills_by_ids", ids=ids)}
    for id in ids:
        if id not in found:
            raise NotFound("skill", id)
        if found[id].get("deprecated"):
            raise ValidationFailed(field, f"{found[id]['label']!r} is deprecated")


def _check_custom_skill(skill: CustomSkill) -> None:
    check_id("id", skill.id)
    check_text("label", skill.label, required=True)
    for alias in skill.aliases:
        check_text("aliases", alias, required=True)
    check_text("description", skill.description, required=False, longest=limits.DESCRIPTION)
    if skill.broader_id == skill.id:
        raise ValidationFailed("broaderId", "a skill cannot be broader than itself")


async def upsert_custom_skill(ctx: Context, skill: CustomSkill) -> Row:
    """Adds or changes one of the organisation's own skills; taxonomy skills are not editable."""
    require_admin(ctx.viewer, "change the skills taxonomy")
    _check_custom_skill(skill)

    async def work(tx: Transaction) -> Row:
        ids = [skill.id, skill.broader_id] if skill.broader_id else [skill.id]
        found = {row["key"]: row["value"] for row in await tx.run("skills/skills_by_ids", ids=ids)}
        if skill.id in found and not found[skill.id].get("custom"):
            raise Conflict(f"{skill.id!r} is a taxonomy skill; only custom skills can be edited")
        if skill.broader_id and skill.broader_id not in found:
            raise NotFound("skill", skill.broader_id)
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
        saved: Row = rows[0]["skill"]
        return saved

    return await ctx.db.in_write_transaction(work)


async def deprecate_skill(ctx: Context, id: str) -> Row:
    require_admin(ctx.viewer, "change the skills taxonomy")

    async def work(tx: Transaction) -> Row:
        rows = await tx.run("skills/deprecate_skill", id=id)
        if not rows:
            raise NotFound("skill", id)
        saved: Row = rows[0]["skill"]
        return saved

    return await ctx.db.in_write_transaction(work)
