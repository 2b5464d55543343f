"""The audit trail: every recorded change of a gig or concerning a person."""

from __future__ import annotations

from graph.errors import NotFound, ValidationFailed
from resolvers.context import Context
from resolvers.permissions import (
    reads_every_audit_trail,
    require_gig_owner,
    require_person_audit_reader,
)
from resolvers.records.workflow import AuditEventRecord
from resolvers.validation import check_first


async def audit_trail(
    ctx: Context, gig_id: str | None, person_id: str | None, first: int
) -> list[AuditEventRecord]:
    """Every recorded change of one gig (for its owner and HR) or concerning one person (for
    them and HR)."""
    viewer = ctx.viewer
    check_first(first, ctx.settings)
    if (gig_id is None) == (person_id is None):
        raise ValidationFailed("gigId", "name either a gig or a person")
    if gig_id is not None and not reads_every_audit_trail(viewer):
        context = await ctx.db.read("workflow/gig_and_candidate", gig_id=gig_id, person_id=None)
        if context[0]["gig"] is None:
            raise NotFound("Gig", gig_id)
        require_gig_owner(viewer, str(context[0]["owner_id"]))
    if person_id is not None:
        require_person_audit_reader(viewer, person_id)
    rows = await ctx.db.read(
        "workflow/audit_trail", gig_id=gig_id, person_id=person_id, first=first
    )
    return [AuditEventRecord.from_row(row["event"]) for row in rows]
