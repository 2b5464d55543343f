"""Reading and locking what the workflow changes, inside a transaction, and the visibility filter
of application lists."""

from __future__ import annotations

from typing import Any

from graph import limits
from graph.database import Row, Transaction
from graph.errors import NotFound, ValidationFailed
from resolvers.context import Context
from resolvers.identity import Viewer
from resolvers.permissions import (
    sees_application,
)


async def applications_by_ids(tx: Transaction, ids: list[str]) -> list[Row]:
    rows = await tx.run("workflow/applications_by_ids", ids=ids, gig_id=None)
    return [row["application"] for row in rows]


async def locked_application(tx: Transaction, viewer: Viewer, id: str) -> Row:
    """The application, locked for this transaction and re-read; NotFound for anyone who may not
    see it, so its existence stays private too."""
    await tx.run("workflow/lock_application", id=id)
    found = await applications_by_ids(tx, [id])
    if not found or not sees_application(viewer, found[0]):
        raise NotFound("Application", id)
    return found[0]


async def visible_applications(ctx: Context, name: str, **params: Any) -> list[Row]:
    """The applications whose ids the query `name` lists, as far as the viewer may see them."""
    ids = [row["id"] for row in await ctx.db.read(name, **params)]
    if not ids:
        return []
    return _visible(ctx, await ctx.db.read("workflow/applications_by_ids", ids=ids, gig_id=None))


async def visible_gig_applications(ctx: Context, gig_id: str) -> list[Row]:
    """A gig's applications, oldest first, as far as the viewer may see them: one query."""
    return _visible(ctx, await ctx.db.read("workflow/applications_by_ids", ids=[], gig_id=gig_id))


def _visible(ctx: Context, rows: list[Row]) -> list[Row]:
    return [row["application"] for row in rows if sees_application(ctx.viewer, row["application"])]


async def engagement_by_id(tx: Transaction, id: str) -> Row:
    rows = await tx.run("workflow/engagements_by_ids", ids=[id])
    if not rows:
        raise NotFound("Engagement", id)
    engagement: Row = rows[0]["engagement"]
    return engagement


async def locked_engagement(tx: Transaction, id: str) -> Row:
    await tx.run("workflow/lock_engagement", id=id)
    return await engagement_by_id(tx, id)


def clean(text: str | None, field: str, longest: int = limits.NOTE) -> str | None:
    """Free text as stored: stripped, None when blank; `ValidationFailed` naming `field` when it
    is longer than `longest` (the README's "Limits")."""
    stripped = (text or "").strip()
    if len(stripped) > longest:
        raise ValidationFailed(field, f"must be at most {longest:,} characters")
    return stripped or None
