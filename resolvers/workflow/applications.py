"""Applications and invitations: applying, inviting, every move along `rules.TRANSITIONS`, and
assignment without overbooking when an offer is accepted."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import uuid4

from graph.database import Row, Transaction
from graph.errors import Conflict, InvalidTransition, NotFound, ValidationFailed
from resolvers.context import Context
from resolvers.permissions import (
    require_application_actor,
    require_gig_owner,
    sees_application,
    sees_gig,
)
from resolvers.records.workflow import ApplicationRow, application_rows
from resolvers.workflow.approvals import request_approval
from resolvers.workflow.clock import now_utc
from resolvers.workflow.outbox import Outbox
from resolvers.workflow.rules import (
    APPROVED,
    FILLED_REASON,
    GIG_TRANSITIONS,
    TRANSITIONS,
    Action,
    applications_closed,
    available_hours,
    day,
)
from resolvers.workflow.store import (
    applications_by_ids,
    clean,
    locked_application,
    visible_applications,
    visible_gig_applications,
)


async def create_application(
    ctx: Context,
    gig_id: str,
    person_id: str,
    origin: Literal["application", "invitation"],
    note: str | None,
) -> ApplicationRow:
    """A person applies to an open gig, or the gig's owner invites someone to it."""
    viewer = ctx.viewer
    now = now_utc()
    action = "apply" if origin == "application" else "invite"

    async def work(tx: Transaction) -> ApplicationRow:
        await tx.run("workflow/lock_gig_and_person", gig_id=gig_id, person_id=person_id)
        rows = await tx.run("workflow/gig_and_candidate", gig_id=gig_id, person_id=person_id)
        context = rows[0]
        gig, person = context["gig"], context["person"]
        if gig is None or not sees_gig(
            viewer, gig["status"], context["owner_id"], gig.get("published_at")
        ):  # someone else's draft is answered as a missing gig: drafts cannot be enumerated
            raise NotFound("Gig", gig_id)
        if person is None:
            raise NotFound("Person", person_id)
        if origin == "invitation":
            require_gig_owner(viewer, str(context["owner_id"]))
        if not person.get("active", True):
            raise ValidationFailed("personId", f"{person['name']} is no longer active")
        if person_id == context["owner_id"]:
            raise ValidationFailed("personId", "the owner of a gig cannot apply to it")
        if gig["status"] != "open":
            raise InvalidTransition("gig", gig["status"], f"{action} to")
        deadline = day(gig.get("application_deadline"))
        if origin == "application" and applications_closed(deadline, now.date()):
            raise Conflict(f"applications to {gig['title']!r} closed on {deadline}")
        if context["live_application_id"] is not None:
            raise Conflict(
                f"{person['name']} already has application {context['live_application_id']!r} "
                f"to gig {gig_id!r}"
            )
        id = str(uuid4())
        state = "submitted" if origin == "application" else "invited"
        await tx.run(
            "workflow/create_application",
            id=id,
            person_id=person_id,
            gig_id=gig_id,
            state=state,
            origin=origin,
            note=clean(note, "note"),
            now=now,
        )
        application = (await applications_by_ids(tx, [id]))[0]
        outbox = Outbox(viewer.person_id)
        outbox.event(
            action,
            "application",
            id,
            None,
            state,
            gig_id=gig_id,
            person_id=person_id,
            application_id=id,
        )
        outbox.tell(action, application)
        await outbox.flush(tx, now)
        return application_rows([application])[0]

    return await ctx.db.in_write_transaction(work)


async def apply(ctx: Context, gig_id: str, note: str | None) -> ApplicationRow:
    return await create_application(ctx, gig_id, ctx.viewer.person_id, "application", note)


async def invite(ctx: Context, gig_id: str, person_id: str, note: str | None) -> ApplicationRow:
    return await create_application(ctx, gig_id, person_id, "invitation", note)


async def transition(
    ctx: Context, application_id: str, action: Action, reason: str | None
) -> ApplicationRow:
    """Moves an application along `TRANSITIONS[action]`, with what the move entails: asking the
    manager on shortlisting, checking their approval before an offer, assigning on acceptance."""
    rule = TRANSITIONS[action]
    reason = clean(reason, "reason")
    if rule.reason_required and reason is None:
        raise ValidationFailed("reason", "say why: the applicant is told")
    viewer = ctx.viewer
    now = now_utc()
    policy = ctx.settings.policy

    async def work(tx: Transaction) -> ApplicationRow:
        application = await locked_application(tx, viewer, application_id)
        require_application_actor(viewer, application, rule.actor, action)
        if application["state"] not in rule.sources:
            raise InvalidTransition("gig application", application["state"], rule.verb)
        outbox = Outbox(viewer.person_id)
        outbox.application_event(action, application, rule.target, reason)
        outbox.tell(action, application, reason)
        changes: dict[str, Any] = {"state": rule.target}
        if reason is not None:
            changes["decision_reason"] = reason
        if rule.target == "shortlisted":
            changes |= request_approval(policy, application, now, outbox)
        if action == "offer" and application["approval_state"] not in APPROVED:
            raise Conflict(
                f"the manager's approval is {application['approval_state']}: an offer waits for it"
            )
        if action == "accept_offer":
            check_assignable(application)
        await tx.run(
            "workflow/update_applications",
            rows=[{"id": application_id, "changes": changes}],
            now=now,
        )
        if action == "accept_offer":
            await assign(tx, application, now, outbox)
        await outbox.flush(tx, now)
        return application_rows(await applications_by_ids(tx, [application_id]))[0]

    return await ctx.db.in_write_transaction(work)


def check_assignable(application: Row) -> None:
    """An offer can be accepted while the gig is open, has a free seat, and its hours fit in what
    is left of the person's gig capacity."""
    gig = application["gig"]
    if gig["status"] != "open":
        raise Conflict(f"gig {gig['id']!r} is {gig['status']}, no longer open")
    seats = int(gig.get("seats") or 1)
    if int(application["seats_taken"]) >= seats:
        raise Conflict(f"all {seats} seat(s) of gig {gig['id']!r} are taken")
    weekly = float(gig.get("hours_per_week") or 0.0)
    free = available_hours(application["person"], float(application["committed_hours"]))
    if weekly > free + 1e-9:
        raise Conflict(
            f"the gig needs {weekly:g} h/week but only {max(free, 0.0):g} h/week of "
            f"{application['person']['name']}'s gig capacity are free"
        )


async def assign(tx: Transaction, application: Row, now: datetime, outbox: Outbox) -> None:
    """Creates the engagement; the last seat fills the gig and closes the other applications."""
    gig = application["gig"]
    engagement_id = str(uuid4())
    fills = int(application["seats_taken"]) + 1 >= int(gig.get("seats") or 1)
    await tx.run(
        "workflow/create_engagement",
        id=engagement_id,
        application_id=application["id"],
        fills=fills,
        now=now,
        **GIG_TRANSITIONS["fill"].params(),
    )
    outbox.event(
        "start",
        "engagement",
        engagement_id,
        None,
        "active",
        gig_id=gig["id"],
        person_id=application["person"]["id"],
        application_id=application["id"],
        engagement_id=engagement_id,
    )
    if not fills:
        return
    outbox.event("fill", "gig", gig["id"], gig["status"], "filled", gig_id=gig["id"])
    outbox.notify(
        application["owner_id"],
        "gig_filled",
        f"{gig['title']} is filled",
        gig_id=gig["id"],
    )
    closed = await tx.run(
        "workflow/close_live_applications", gig_id=gig["id"], reason=FILLED_REASON, now=now
    )
    for row in closed:
        outbox.event(
            "close",
            "application",
            row["id"],
            row["from_state"],
            "rejected",
            gig_id=gig["id"],
            person_id=row["person_id"],
            application_id=row["id"],
            reason=FILLED_REASON,
        )
        outbox.notify(
            row["person_id"],
            "rejected",
            f"You were not selected for {gig['title']}: {FILLED_REASON}",
            gig_id=gig["id"],
            application_id=row["id"],
        )


async def application(ctx: Context, id: str) -> ApplicationRow | None:
    rows = await ctx.db.read("workflow/applications_by_ids", ids=[id], gig_id=None)
    visible = [
        row["application"] for row in rows if sees_application(ctx.viewer, row["application"])
    ]
    return application_rows(visible)[0] if visible else None


async def my_applications(ctx: Context) -> list[ApplicationRow]:
    found = await visible_applications(
        ctx, "workflow/my_application_ids", person_id=ctx.viewer.person_id
    )
    return application_rows(found)


async def gig_applications(ctx: Context, gig_id: str) -> list[ApplicationRow]:
    """A gig's applications as the viewer may see them: all for its owner and HR, their own
    for anyone else."""
    return application_rows(await visible_gig_applications(ctx, gig_id))
