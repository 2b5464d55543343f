"""The gig lifecycle: applications and invitations, the one manager approval, assignment without
overbooking, completion with feedback and skill growth, the audit trail and notifications.

Every state change is one write transaction that locks what it changes (the gig, then the
person, then the application), re-reads it, checks it against `TRANSITIONS` and the approval
policy (`graph.settings.PolicySettings`), writes, records an `AuditEvent` per change and a
`Notification` for whoever must act or be told.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from uuid import uuid4

from graph.database import Database, Row, Transaction
from graph.errors import Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed
from graph.settings import PolicySettings, policy_settings
from resolvers.context import Context
from resolvers.permissions import require_gig_owner
from resolvers.validation import check_level
from service.auth import Viewer

Actor = Literal["applicant", "owner"]
Action = Literal[
    "accept_invitation",
    "decline_invitation",
    "shortlist",
    "offer",
    "accept_offer",
    "decline_offer",
    "withdraw",
    "reject",
]

LIVE_STATES = frozenset({"invited", "submitted", "shortlisted", "offered", "accepted"})
APPROVED = frozenset({"approved", "not_needed", "auto_approved"})
AWAITING_APPROVAL = frozenset({"pending", "escalated"})
FILLED_REASON = "all seats of the gig have been filled"
SYSTEM_ACTOR = "system"
MAX_NOTIFICATIONS = 100


@dataclass(frozen=True)
class Transition:
    """Which states an action leaves, the state it leads to, who may take it, and how a refusal
    names it ("cannot <verb> an application that is <state>")."""

    sources: frozenset[str]
    target: str
    actor: Actor
    verb: str
    reason_required: bool = False


TRANSITIONS: dict[Action, Transition] = {
    "accept_invitation": Transition(
        frozenset({"invited"}), "shortlisted", "applicant", "accept the invitation of"
    ),
    "decline_invitation": Transition(
        frozenset({"invited"}), "declined", "applicant", "decline the invitation of"
    ),
    "shortlist": Transition(frozenset({"submitted"}), "shortlisted", "owner", "shortlist"),
    "offer": Transition(frozenset({"shortlisted"}), "offered", "owner", "make an offer on"),
    "accept_offer": Transition(
        frozenset({"offered"}), "accepted", "applicant", "accept the offer of"
    ),
    "decline_offer": Transition(
        frozenset({"offered"}), "declined", "applicant", "decline the offer of"
    ),
    "withdraw": Transition(
        frozenset({"submitted", "shortlisted", "offered"}), "withdrawn", "applicant", "withdraw"
    ),
    "reject": Transition(
        frozenset({"invited", "submitted", "shortlisted", "offered"}),
        "rejected",
        "owner",
        "reject",
        reason_required=True,
    ),
}

# Who hears of each action, under which kind, and what they read ({person}, {gig} filled in).
NOTICES: dict[str, tuple[Actor, str, str]] = {
    "apply": ("owner", "application_received", "{person} applied to {gig}"),
    "invite": ("applicant", "invited", "You are invited to {gig}"),
    "accept_invitation": (
        "owner",
        "invitation_accepted",
        "{person} accepted your invitation to {gig}",
    ),
    "decline_invitation": ("owner", "declined", "{person} declined your invitation to {gig}"),
    "shortlist": ("applicant", "shortlisted", "You are shortlisted for {gig}"),
    "offer": ("applicant", "offer_made", "You have an offer for {gig}"),
    "accept_offer": ("owner", "offer_accepted", "{person} accepted your offer for {gig}"),
    "decline_offer": ("owner", "declined", "{person} declined your offer for {gig}"),
    "withdraw": ("owner", "withdrawn", "{person} withdrew from {gig}"),
    "reject": ("applicant", "rejected", "You were not selected for {gig}"),
}


def now_utc() -> datetime:
    return datetime.now(UTC)


def available_hours(person: Row, committed_hours: float) -> float:
    """Weekly hours a person can still give to gigs: their gig share of the week minus what their
    active engagements already commit."""
    weekly = float(person.get("weekly_hours") or 0.0)
    share = float(person.get("gig_capacity_pct") or 0.0)
    return weekly * share / 100.0 - committed_hours


@dataclass(frozen=True)
class ApprovalPlan:
    state: Literal["pending", "not_needed"]
    approver_id: str | None
    reason: str | None


def approval_plan(policy: PolicySettings, application: Row) -> ApprovalPlan:
    """Whether shortlisting needs the applicant's manager to sign, and whom to ask."""
    manager_id = application.get("manager_id")
    if manager_id is None:
        return ApprovalPlan("not_needed", None, "no manager to ask")
    if manager_id == application.get("owner_id"):
        return ApprovalPlan("not_needed", None, "the applicant's manager owns the gig")
    gig = application["gig"]
    weekly = float(gig.get("hours_per_week") or 0.0)
    total = weekly * float(gig.get("duration_weeks") or 0)
    free = available_hours(application["person"], float(application["committed_hours"]))
    if (
        gig.get("type") in policy.no_approval_gig_types
        and total <= policy.no_approval_max_hours
        and weekly <= free
    ):
        return ApprovalPlan(
            "not_needed", None, f"{gig['type']} of {total:g} hours within the person's capacity"
        )
    return ApprovalPlan("pending", str(manager_id), None)


def can_see(viewer: Viewer, application: Row) -> bool:
    """Interest stays private: the applicant, the gig's owner and HR see an application; a
    manager only once asked to approve it (and still after an escalation past them)."""
    return viewer.is_hr or viewer.person_id in {
        application["person"]["id"],
        application.get("owner_id"),
        application.get("approver_id"),
        application.get("escalated_from_id"),
    }


def require_actor(viewer: Viewer, application: Row, actor: Actor, action: str) -> None:
    if actor == "applicant" and viewer.person_id != application["person"]["id"]:
        raise Forbidden(f"only the applicant may {action.replace('_', ' ')}")
    if actor == "owner":
        require_gig_owner(viewer, str(application.get("owner_id")))


def is_stale(confirmed_at: datetime | None, now: datetime, months: int) -> bool:
    """A skill nobody confirmed within `months` (or ever) needs a refresh."""
    return confirmed_at is None or confirmed_at < now - timedelta(days=months * 365.25 / 12)


@dataclass
class Outbox:
    """The audit events and notifications of one transaction, written just before it commits."""

    actor_id: str
    events: list[Row] = field(default_factory=list)
    notices: list[Row] = field(default_factory=list)

    def event(
        self,
        action: str,
        subject: Literal["application", "approval", "engagement", "gig"],
        subject_id: str,
        from_state: str | None,
        to_state: str,
        *,
        gig_id: str,
        person_id: str | None = None,
        application_id: str | None = None,
        engagement_id: str | None = None,
        reason: str | None = None,
    ) -> None:
        self.events.append(
            {
                "seq": len(self.events),
                "actor_id": self.actor_id,
                "action": action,
                "subject": subject,
                "subject_id": subject_id,
                "from_state": from_state,
                "to_state": to_state,
                "reason": reason,
                "gig_id": gig_id,
                "person_id": person_id,
                "application_id": application_id,
                "engagement_id": engagement_id,
            }
        )

    def notify(
        self,
        person_id: str | None,
        kind: str,
        message: str,
        *,
        gig_id: str,
        application_id: str | None = None,
        engagement_id: str | None = None,
    ) -> None:
        if person_id is None or person_id == self.actor_id:
            return
        self.notices.append(
            {
                "person_id": person_id,
                "kind": kind,
                "message": message,
                "gig_id": gig_id,
                "application_id": application_id,
                "engagement_id": engagement_id,
            }
        )

    def application_event(
        self, action: str, application: Row, to_state: str, reason: str | None = None
    ) -> None:
        self.event(
            action,
            "application",
            application["id"],
            application["state"],
            to_state,
            gig_id=application["gig"]["id"],
            person_id=application["person"]["id"],
            application_id=application["id"],
            reason=reason,
        )

    def approval_event(
        self, action: str, application: Row, to_state: str, reason: str | None
    ) -> None:
        self.event(
            action,
            "approval",
            application["id"],
            application["approval_state"],
            to_state,
            gig_id=application["gig"]["id"],
            person_id=application["person"]["id"],
            application_id=application["id"],
            reason=reason,
        )

    def tell(self, action: str, application: Row, reason: str | None = None) -> None:
        """The notification `NOTICES` names for `action` on `application`."""
        recipient, kind, template = NOTICES[action]
        message = template.format(
            person=application["person"]["name"], gig=application["gig"]["title"]
        )
        self.notify(
            application["person"]["id"] if recipient == "applicant" else application["owner_id"],
            kind,
            f"{message}: {reason}" if reason else message,
            gig_id=application["gig"]["id"],
            application_id=application["id"],
        )

    async def flush(self, tx: Transaction, now: datetime) -> None:
        if self.events:
            await tx.run("workflow/record_events", events=self.events, now=now)
        if self.notices:
            await tx.run("workflow/notify", notifications=self.notices, now=now)


async def _applications(tx: Transaction, ids: list[str]) -> list[Row]:
    rows = await tx.run("workflow/applications_by_ids", ids=ids)
    return [row["application"] for row in rows]


async def _locked_application(tx: Transaction, viewer: Viewer, id: str) -> Row:
    """The application, locked for this transaction and re-read; NotFound for anyone who may not
    see it, so its existence stays private too."""
    await tx.run("workflow/lock_application", id=id)
    found = await _applications(tx, [id])
    if not found or not can_see(viewer, found[0]):
        raise NotFound("Application", id)
    return found[0]


def _clean(text: str | None) -> str | None:
    stripped = (text or "").strip()
    return stripped or None


# --- applications and invitations -------------------------------------------------------------


async def create_application(
    ctx: Context,
    gig_id: str,
    person_id: str,
    origin: Literal["application", "invitation"],
    note: str | None,
) -> Row:
    """A person applies to an open gig, or the gig's owner invites someone to it."""
    viewer = ctx.viewer
    now = now_utc()
    action = "apply" if origin == "application" else "invite"

    async def work(tx: Transaction) -> Row:
        await tx.run("workflow/lock_gig_and_person", gig_id=gig_id, person_id=person_id)
        rows = await tx.run("workflow/gig_and_candidate", gig_id=gig_id, person_id=person_id)
        context = rows[0]
        gig, person = context["gig"], context["person"]
        if gig is None:
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
            note=_clean(note),
            now=now,
        )
        application = (await _applications(tx, [id]))[0]
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
        return application

    return await ctx.db.in_write_transaction(work)


async def apply(ctx: Context, gig_id: str, note: str | None) -> Row:
    return await create_application(ctx, gig_id, ctx.viewer.person_id, "application", note)


async def invite(ctx: Context, gig_id: str, person_id: str, note: str | None) -> Row:
    return await create_application(ctx, gig_id, person_id, "invitation", note)


async def transition(ctx: Context, application_id: str, action: Action, reason: str | None) -> Row:
    """Moves an application along `TRANSITIONS[action]`, with what the move entails: asking the
    manager on shortlisting, checking their approval before an offer, assigning on acceptance."""
    rule = TRANSITIONS[action]
    reason = _clean(reason)
    if rule.reason_required and reason is None:
        raise ValidationFailed("reason", "say why: the applicant is told")
    viewer = ctx.viewer
    now = now_utc()
    policy = policy_settings()

    async def work(tx: Transaction) -> Row:
        application = await _locked_application(tx, viewer, application_id)
        require_actor(viewer, application, rule.actor, action)
        if application["state"] not in rule.sources:
            raise InvalidTransition("gig application", application["state"], rule.verb)
        outbox = Outbox(viewer.person_id)
        outbox.application_event(action, application, rule.target, reason)
        outbox.tell(action, application, reason)
        changes: dict[str, Any] = {"state": rule.target}
        if reason is not None:
            changes["decision_reason"] = reason
        if rule.target == "shortlisted":
            changes |= _request_approval(policy, application, now, outbox)
        if action == "offer" and application["approval_state"] not in APPROVED:
            raise Conflict(
                f"the manager's approval is {application['approval_state']}: an offer waits for it"
            )
        if action == "accept_offer":
            _check_assignable(application)
        await tx.run(
            "workflow/update_applications",
            rows=[{"id": application_id, "changes": changes}],
            now=now,
        )
        if action == "accept_offer":
            await _assign(tx, application, now, outbox)
        await outbox.flush(tx, now)
        return (await _applications(tx, [application_id]))[0]

    return await ctx.db.in_write_transaction(work)


def _request_approval(
    policy: PolicySettings, application: Row, now: datetime, outbox: Outbox
) -> dict[str, Any]:
    """The approval fields a shortlisting sets; asks the manager when the policy wants it."""
    plan = approval_plan(policy, application)
    outbox.approval_event("request_approval", application, plan.state, plan.reason)
    if plan.state == "not_needed":
        return {"approval_state": "not_needed", "approval_reason": plan.reason}
    gig = application["gig"]
    outbox.notify(
        plan.approver_id,
        "approval_requested",
        f"{application['person']['name']} is shortlisted for {gig['title']} "
        f"({float(gig.get('hours_per_week') or 0):g} h/week for {gig.get('duration_weeks')} weeks):"
        " approve or decline",
        gig_id=gig["id"],
        application_id=application["id"],
    )
    return {
        "approval_state": "pending",
        "approver_id": plan.approver_id,
        "approval_requested_at": now,
    }


def _check_assignable(application: Row) -> None:
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


async def _assign(tx: Transaction, application: Row, now: datetime, outbox: Outbox) -> None:
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


# --- approvals ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalDecision:
    application_id: str
    approve: bool
    reason: str | None = None


async def decide_approvals(ctx: Context, decisions: list[ApprovalDecision]) -> list[Row]:
    """A manager approves or declines several applications at once, all or nothing: one refused
    item (not theirs to decide, no longer pending) leaves every other unchanged."""
    if not decisions:
        raise ValidationFailed("decisions", "name at least one application")
    ids = [decision.application_id for decision in decisions]
    if len(set(ids)) != len(ids):
        raise ValidationFailed("decisions", "each application may be decided once")
    for index, decision in enumerate(decisions):
        if not decision.approve and _clean(decision.reason) is None:
            raise ValidationFailed(f"decisions[{index}].reason", "say why: the applicant is told")
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> list[Row]:
        outbox = Outbox(viewer.person_id)
        rows: list[Row] = []
        for decision in decisions:
            application = await _locked_application(tx, viewer, decision.application_id)
            if viewer.person_id != application.get("approver_id"):
                raise Forbidden(f"application {decision.application_id!r} is not yours to approve")
            if (
                application["state"] != "shortlisted"
                or application["approval_state"] not in AWAITING_APPROVAL
            ):
                raise InvalidTransition("manager approval", application["approval_state"], "decide")
            rows.append(_decision_changes(decision, application, now, outbox))
        await tx.run("workflow/update_applications", rows=rows, now=now)
        await outbox.flush(tx, now)
        return await _applications(tx, ids)

    return await ctx.db.in_write_transaction(work)


def _decision_changes(
    decision: ApprovalDecision, application: Row, now: datetime, outbox: Outbox
) -> Row:
    reason = _clean(decision.reason)
    state = "approved" if decision.approve else "declined"
    changes: dict[str, Any] = {
        "approval_state": state,
        "approval_decided_at": now,
        "approval_reason": reason,
    }
    outbox.approval_event("approve" if decision.approve else "decline", application, state, reason)
    gig = application["gig"]
    name, title = application["person"]["name"], gig["title"]
    if decision.approve:
        message = f"{name}'s manager approved the move to {title}: you can make an offer"
        outbox.notify(
            application["owner_id"],
            "approved",
            message,
            gig_id=gig["id"],
            application_id=application["id"],
        )
    else:
        changes |= {"state": "rejected", "decision_reason": reason}
        outbox.application_event("decline_approval", application, "rejected", reason)
        outbox.notify(
            application["owner_id"],
            "approval_declined",
            f"{name}'s manager declined the move to {title}: {reason}",
            gig_id=gig["id"],
            application_id=application["id"],
        )
        outbox.tell("reject", application, f"your manager declined: {reason}")
    return {"id": application["id"], "changes": changes}


@dataclass(frozen=True)
class OverdueOutcome:
    escalated: list[Row]
    auto_approved: list[Row]


async def process_overdue_approvals(
    db: Database, actor_id: str | None, now: datetime, policy: PolicySettings
) -> OverdueOutcome:
    """Approvals unanswered for `approval_timeout_days` are escalated to the manager's manager
    (`on_timeout = escalate`, once; an unanswered escalation is then approved automatically) or
    approved automatically (`on_timeout = auto_approve`), recorded as such. Idempotent: a second
    run at the same `now` finds nothing overdue."""
    days = policy.approval_timeout_days

    async def work(tx: Transaction) -> OverdueOutcome:
        outbox = Outbox(actor_id or SYSTEM_ACTOR)
        # the first run locks what is overdue; the second drops what a manager decided meanwhile
        await tx.run("workflow/overdue_approvals", now=now, timeout_days=days)
        overdue = await tx.run("workflow/overdue_approvals", now=now, timeout_days=days)
        rows: list[Row] = []
        escalated: list[str] = []
        approved: list[str] = []
        for application in await _applications(tx, [row["id"] for row in overdue]):
            gig = application["gig"]
            up = application.get("grand_manager_id")
            escalate = (
                policy.on_timeout == "escalate"
                and application["approval_state"] == "pending"
                and up is not None
                and up != application["person"]["id"]
            )
            if escalate:
                reason = f"no answer within {days} days: escalated to the manager's manager"
                changes: Row = {
                    "approval_state": "escalated",
                    "approver_id": up,
                    "escalated_from_id": application.get("approver_id"),
                    "escalated_at": now,
                }
                outbox.approval_event("escalate", application, "escalated", reason)
                outbox.notify(
                    up,
                    "approval_requested",
                    f"{application['person']['name']} is shortlisted for {gig['title']} and "
                    f"their manager has not answered in {days} days: approve or decline",
                    gig_id=gig["id"],
                    application_id=application["id"],
                )
                escalated.append(application["id"])
            else:
                reason = f"no answer within {days} days: approved automatically"
                changes = {
                    "approval_state": "auto_approved",
                    "approval_decided_at": now,
                    "approval_reason": reason,
                }
                outbox.approval_event("auto_approve", application, "auto_approved", reason)
                outbox.notify(
                    application["owner_id"],
                    "approved",
                    f"{application['person']['name']}'s move to {gig['title']} is approved "
                    f"automatically ({reason}): you can make an offer",
                    gig_id=gig["id"],
                    application_id=application["id"],
                )
                approved.append(application["id"])
            rows.append({"id": application["id"], "changes": changes})
        if rows:
            await tx.run("workflow/update_applications", rows=rows, now=now)
        await outbox.flush(tx, now)
        return OverdueOutcome(await _applications(tx, escalated), await _applications(tx, approved))

    return await db.in_write_transaction(work)


async def process_overdue(ctx: Context, now: datetime | None) -> OverdueOutcome:
    if not ctx.viewer.is_hr:
        raise Forbidden("only HR or admins may process overdue approvals")
    return await process_overdue_approvals(
        ctx.db, ctx.viewer.person_id, now or now_utc(), policy_settings()
    )


# --- reading applications ---------------------------------------------------------------------


async def _visible(ctx: Context, name: str, **params: Any) -> list[Row]:
    ids = [row["id"] for row in await ctx.db.read(name, **params)]
    if not ids:
        return []
    rows = await ctx.db.read("workflow/applications_by_ids", ids=ids)
    return [row["application"] for row in rows if can_see(ctx.viewer, row["application"])]


async def application(ctx: Context, id: str) -> Row | None:
    rows = await ctx.db.read("workflow/applications_by_ids", ids=[id])
    visible = [row["application"] for row in rows if can_see(ctx.viewer, row["application"])]
    return visible[0] if visible else None


async def my_applications(ctx: Context) -> list[Row]:
    return await _visible(ctx, "workflow/my_application_ids", person_id=ctx.viewer.person_id)


async def gig_applications(ctx: Context, gig_id: str) -> list[Row]:
    """A gig's applications as the viewer may see them: all for its owner and HR, their own
    for anyone else."""
    return await _visible(ctx, "workflow/gig_application_ids", gig_id=gig_id)


async def pending_approvals(ctx: Context) -> list[Row]:
    return await _visible(ctx, "workflow/pending_approval_ids", approver_id=ctx.viewer.person_id)


# --- engagements: completion, feedback, endorsements ---------------------------------------------


@dataclass(frozen=True)
class SkillEvidence:
    skill_id: str
    level: int


@dataclass(frozen=True)
class Completion:
    engagement_id: str
    hours_worked: float
    rating: int
    feedback: str
    skills: list[SkillEvidence]


async def _engagement(tx: Transaction, id: str) -> Row:
    rows = await tx.run("workflow/engagements_by_ids", ids=[id])
    if not rows:
        raise NotFound("Engagement", id)
    engagement: Row = rows[0]["engagement"]
    return engagement


async def _locked_engagement(tx: Transaction, id: str) -> Row:
    await tx.run("workflow/lock_engagement", id=id)
    return await _engagement(tx, id)


async def engagement(ctx: Context, id: str) -> Row | None:
    rows = await ctx.db.read("workflow/engagements_by_ids", ids=[id])
    return rows[0]["engagement"] if rows else None


async def complete_engagement(ctx: Context, completion: Completion) -> Row:
    """The owner closes an engagement: hours, rating, feedback and the level shown per skill,
    which becomes validated proficiency (never lowered) and skill growth evidence."""
    if completion.hours_worked < 0:
        raise ValidationFailed("hoursWorked", "must not be negative")
    check_level("rating", completion.rating, 5)
    skill_ids = [evidence.skill_id for evidence in completion.skills]
    if len(set(skill_ids)) != len(skill_ids):
        raise ValidationFailed("skills", "name each skill once")
    for index, evidence in enumerate(completion.skills):
        check_level(f"skills[{index}].level", evidence.level, 5)
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> Row:
        engagement = await _locked_engagement(tx, completion.engagement_id)
        require_gig_owner(viewer, str(engagement.get("owner_id")))
        if engagement["status"] != "active":
            raise InvalidTransition("engagement", engagement["status"], "complete")
        missing = (await tx.run("workflow/missing_skills", ids=skill_ids))[0]["missing"]
        if missing:
            raise NotFound("Skill", missing[0])
        gig = engagement["gig"]
        result = await tx.run(
            "workflow/complete_engagement",
            id=completion.engagement_id,
            hours_worked=completion.hours_worked,
            rating=completion.rating,
            feedback=_clean(completion.feedback),
            now=now,
        )
        if skill_ids:
            await tx.run(
                "imports/upsert_demonstrated_skills",
                rows=[
                    {
                        "engagement_id": completion.engagement_id,
                        "skill_id": e.skill_id,
                        "level": e.level,
                    }
                    for e in completion.skills
                ],
            )
        outbox = Outbox(viewer.person_id)
        outbox.event(
            "complete",
            "engagement",
            completion.engagement_id,
            "active",
            "completed",
            gig_id=gig["id"],
            person_id=engagement["person"]["id"],
            engagement_id=completion.engagement_id,
        )
        before, after = result[0]["gig_status"], result[0]["gig_status_now"]
        if before != after:
            outbox.event("complete", "gig", gig["id"], before, after, gig_id=gig["id"])
        outbox.notify(
            engagement["person"]["id"],
            "feedback_received",
            f"Your work on {gig['title']} is complete: rated {completion.rating}/5",
            gig_id=gig["id"],
            engagement_id=completion.engagement_id,
        )
        await outbox.flush(tx, now)
        return await _engagement(tx, completion.engagement_id)

    return await ctx.db.in_write_transaction(work)


async def cancel_engagement(ctx: Context, engagement_id: str, reason: str | None) -> Row:
    """The owner or the helper ends an active engagement early, saying why; the hours and the
    seat are free again and the other side is told."""
    reason = _clean(reason)
    if reason is None:
        raise ValidationFailed("reason", "say why: the other side is told")
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> Row:
        engagement = await _locked_engagement(tx, engagement_id)
        helper_id, owner_id = engagement["person"]["id"], engagement.get("owner_id")
        if viewer.person_id not in (helper_id, owner_id) and not viewer.is_admin:
            raise Forbidden("only the gig's owner or the helper may cancel an engagement")
        if engagement["status"] != "active":
            raise InvalidTransition("engagement", engagement["status"], "cancel")
        await tx.run("workflow/cancel_engagement", id=engagement_id, reason=reason, now=now)
        gig = engagement["gig"]
        outbox = Outbox(viewer.person_id)
        outbox.event(
            "cancel",
            "engagement",
            engagement_id,
            "active",
            "cancelled",
            gig_id=gig["id"],
            person_id=helper_id,
            engagement_id=engagement_id,
            reason=reason,
        )
        for recipient in (helper_id, owner_id):
            outbox.notify(
                recipient,
                "engagement_cancelled",
                f"The engagement of {engagement['person']['name']} on {gig['title']} is "
                f"cancelled: {reason}",
                gig_id=gig["id"],
                engagement_id=engagement_id,
            )
        await outbox.flush(tx, now)
        return await _engagement(tx, engagement_id)

    return await ctx.db.in_write_transaction(work)


async def give_gig_feedback(
    ctx: Context, engagement_id: str, rating: int, feedback: str | None
) -> Row:
    """The helper's word on the gig: how it went for them."""
    check_level("rating", rating, 5)
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> Row:
        engagement = await _locked_engagement(tx, engagement_id)
        if engagement["person"]["id"] != viewer.person_id:
            raise Forbidden("only the person who worked on the gig may give this feedback")
        if engagement["status"] == "cancelled":
            raise InvalidTransition("engagement", "cancelled", "give feedback on")
        await tx.run(
            "workflow/set_helper_feedback",
            id=engagement_id,
            rating=rating,
            feedback=_clean(feedback),
            now=now,
        )
        outbox = Outbox(viewer.person_id)
        gig = engagement["gig"]
        outbox.notify(
            engagement.get("owner_id"),
            "gig_feedback",
            f"{engagement['person']['name']} rated {gig['title']} {rating}/5",
            gig_id=gig["id"],
            engagement_id=engagement_id,
        )
        await outbox.flush(tx, now)
        return await _engagement(tx, engagement_id)

    return await ctx.db.in_write_transaction(work)


async def endorse_skill(
    ctx: Context, gig_id: str, person_id: str, skill_id: str, comment: str | None
) -> Row:
    """A colleague on a gig vouches for a skill they saw a fellow helper use."""
    viewer = ctx.viewer
    if person_id == viewer.person_id:
        raise ValidationFailed("personId", "you cannot endorse yourself")
    now = now_utc()

    async def work(tx: Transaction) -> Row:
        rows = await tx.run(
            "workflow/endorsement_context",
            gig_id=gig_id,
            endorser_id=viewer.person_id,
            person_id=person_id,
            skill_id=skill_id,
        )
        context = rows[0]
        for kind, id, found in (
            ("Gig", gig_id, context["gig_found"]),
            ("Person", person_id, context["person_found"]),
            ("Skill", skill_id, context["skill_found"]),
        ):
            if not found:
                raise NotFound(kind, id)
        if not context["endorser_on_gig"]:
            raise Forbidden("only colleagues who worked on the gig may endorse")
        if not context["person_on_gig"]:
            raise ValidationFailed("personId", "this person did not work on the gig")
        rows = await tx.run(
            "workflow/endorse_skill",
            gig_id=gig_id,
            endorser_id=viewer.person_id,
            person_id=person_id,
            skill_id=skill_id,
            comment=_clean(comment),
            now=now,
        )
        endorsement: Row = rows[0]["endorsement"]
        outbox = Outbox(viewer.person_id)
        outbox.notify(
            person_id,
            "endorsed",
            f"A colleague endorsed your {endorsement['skill']['label']}",
            gig_id=gig_id,
        )
        await outbox.flush(tx, now)
        return endorsement

    return await ctx.db.in_write_transaction(work)


async def gig_profile(ctx: Context, person_id: str) -> Row | None:
    """Completed gigs, endorsements and skills with when each was last confirmed, `stale` for
    those older than the policy's `stale_skill_months`."""
    rows = await ctx.db.read("workflow/gig_profile", person_id=person_id)
    if not rows:
        return None
    profile: Row = rows[0]["profile"]
    months = policy_settings().stale_skill_months
    now = now_utc()
    for skill in profile["skills"]:
        confirmed = skill.get("confirmed_at")
        skill["stale"] = is_stale(confirmed.to_native() if confirmed else None, now, months)
    return profile


async def success_stories(ctx: Context, first: int) -> list[Row]:
    if not 1 <= first <= ctx.settings.max_page_size:
        raise ValidationFailed("first", f"must be between 1 and {ctx.settings.max_page_size}")
    return [row["story"] for row in await ctx.db.read("workflow/success_stories", first=first)]


# --- audit trail --------------------------------------------------------------------------------


async def audit_trail(
    ctx: Context, gig_id: str | None, person_id: str | None, first: int
) -> list[Row]:
    """Every recorded change of one gig (for its owner and HR) or concerning one person (for
    them and HR)."""
    viewer = ctx.viewer
    if (gig_id is None) == (person_id is None):
        raise ValidationFailed("gigId", "name either a gig or a person")
    if gig_id is not None and not viewer.is_hr:
        context = await ctx.db.read("workflow/gig_and_candidate", gig_id=gig_id, person_id=None)
        if context[0]["gig"] is None:
            raise NotFound("Gig", gig_id)
        require_gig_owner(viewer, str(context[0]["owner_id"]))
    if person_id is not None and person_id != viewer.person_id and not viewer.is_hr:
        raise Forbidden("only the person and HR may read their audit trail")
    rows = await ctx.db.read(
        "workflow/audit_trail", gig_id=gig_id, person_id=person_id, first=first
    )
    return [row["event"] for row in rows]


# --- notifications ------------------------------------------------------------------------------


async def notifications(
    ctx: Context, unread_only: bool, first: int, since: datetime | None = None
) -> list[Row]:
    rows = await ctx.db.read(
        "workflow/notifications",
        person_id=ctx.viewer.person_id,
        unread_only=unread_only,
        since=since,
        first=max(1, min(first, MAX_NOTIFICATIONS)),
    )
    return [row["notification"] for row in rows]


async def unread_notification_count(ctx: Context) -> int:
    rows = await ctx.db.read("workflow/unread_notification_count", person_id=ctx.viewer.person_id)
    return int(rows[0]["unread"])


async def mark_notifications_read(ctx: Context, ids: list[str] | None) -> int:
    rows = await ctx.db.write(
        "workflow/mark_notifications_read",
        person_id=ctx.viewer.person_id,
        ids=ids,
        now=now_utc(),
    )
    return int(rows[0]["marked"])


async def notification_stream(ctx: Context, poll_s: float) -> AsyncIterator[Row]:
    """The viewer's unread notifications, oldest first, then each new one as it arrives. The
    service keeps no state, so this polls Neo4j every `poll_s` seconds; a look-back window of a
    minute catches transactions that committed after a later one, and ids seen are skipped."""
    look_back = timedelta(seconds=60)
    seen: dict[str, datetime] = {}
    since: datetime | None = None
    unread_only = True
    while True:
        polled_at = now_utc()
        rows = await notifications(ctx, unread_only, MAX_NOTIFICATIONS, since)
        for row in reversed(rows):
            if row["id"] not in seen:
                seen[row["id"]] = row["created_at"].to_native()
                yield row
        since = polled_at - look_back
        seen = {id: at for id, at in seen.items() if at >= since}
        unread_only = False
        await asyncio.sleep(poll_s)
