"""The one manager approval: whom shortlisting asks (the policy), the manager's decisions (all or
nothing), and what an unanswered approval becomes after the timeout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from graph.database import Database, Row, Transaction
from graph.errors import InvalidTransition, ValidationFailed
from graph.metrics import OVERDUE_APPROVALS_PROCESSED
from graph.settings import PolicySettings
from resolvers.context import Context
from resolvers.permissions import (
    require_approver,
    require_overdue_processor,
)
from resolvers.records.workflow import ApplicationRow, application_rows
from resolvers.workflow.clock import now_utc
from resolvers.workflow.outbox import Outbox
from resolvers.workflow.rules import (
    AWAITING_APPROVAL,
    SYSTEM_ACTOR,
    available_hours,
)
from resolvers.workflow.store import (
    applications_by_ids,
    clean,
    locked_application,
    visible_applications,
)


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


def request_approval(
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


@dataclass(frozen=True)
class ApprovalDecision:
    application_id: str
    approve: bool
    reason: str | None = None


async def decide_approvals(ctx: Context, decisions: list[ApprovalDecision]) -> list[ApplicationRow]:
    """A manager approves or declines several applications at once, all or nothing: one refused
    item (not theirs to decide, no longer pending) leaves every other unchanged."""
    if not decisions:
        raise ValidationFailed("decisions", "name at least one application")
    ids = [decision.application_id for decision in decisions]
    if len(set(ids)) != len(ids):
        raise ValidationFailed("decisions", "each application may be decided once")
    for index, decision in enumerate(decisions):
        if not decision.approve and clean(decision.reason, "reason") is None:
            raise ValidationFailed(f"decisions[{index}].reason", "say why: the applicant is told")
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> list[ApplicationRow]:
        outbox = Outbox(viewer.person_id)
        rows: list[Row] = []
        for decision in decisions:
            application = await locked_application(tx, viewer, decision.application_id)
            require_approver(viewer, application)
            if (
                application["state"] != "shortlisted"
                or application["approval_state"] not in AWAITING_APPROVAL
            ):
                raise InvalidTransition("manager approval", application["approval_state"], "decide")
            rows.append(decision_changes(decision, application, now, outbox))
        await tx.run("workflow/update_applications", rows=rows, now=now)
        await outbox.flush(tx, now)
        return application_rows(await applications_by_ids(tx, ids))

    return await ctx.db.in_write_transaction(work)


def decision_changes(
    decision: ApprovalDecision, application: Row, now: datetime, outbox: Outbox
) -> Row:
    reason = clean(decision.reason, "reason")
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
    escalated: list[ApplicationRow]
    auto_approved: list[ApplicationRow]


CLOCK_SKEW = timedelta(minutes=1)


def check_as_of(as_of: datetime | None, policy: PolicySettings) -> datetime:
    """The moment overdue approvals are judged by: now, or a moment before it (a moment after it
    only where `TALENTGRAPH_POLICY_ALLOW_FUTURE_NOW` is set, for tests and drills)."""
    now = now_utc()
    if as_of is None:
        return now
    if as_of > now + CLOCK_SKEW and not policy.allow_future_now:
        raise ValidationFailed("now", "may not be in the future: approvals fall due in real time")
    return as_of


async def process_overdue_approvals(
    db: Database, actor_id: str | None, as_of: datetime, policy: PolicySettings
) -> OverdueOutcome:
    """Approvals unanswered for `approval_timeout_days` by `as_of` are escalated to the manager's
    manager (`on_timeout = escalate`, once; an unanswered escalation is then approved
    automatically) or approved automatically (`on_timeout = auto_approve`). The applications'
    due dates move as of `as_of`; the audit trail records the real time, never `as_of`.
    Idempotent: a second run at the same `as_of` finds nothing overdue."""
    days = policy.approval_timeout_days
    now = now_utc()

    async def work(tx: Transaction) -> OverdueOutcome:
        outbox = Outbox(actor_id or SYSTEM_ACTOR)
        # the first run locks what is overdue; the second drops what a manager decided meanwhile
        await tx.run("workflow/overdue_approvals", now=as_of, timeout_days=days)
        overdue = await tx.run("workflow/overdue_approvals", now=as_of, timeout_days=days)
        rows: list[Row] = []
        escalated: list[str] = []
        approved: list[str] = []
        for application in await applications_by_ids(tx, [row["id"] for row in overdue]):
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
                    "escalated_at": as_of,
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
                    "approval_decided_at": as_of,
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
            await tx.run("workflow/update_applications", rows=rows, now=as_of)
        await outbox.flush(tx, now)
        return OverdueOutcome(
            application_rows(await applications_by_ids(tx, escalated)),
            application_rows(await applications_by_ids(tx, approved)),
        )

    outcome = await db.in_write_transaction(work)
    # counted once committed: a transaction retried on contention must not count twice
    OVERDUE_APPROVALS_PROCESSED.labels("escalated").inc(len(outcome.escalated))
    OVERDUE_APPROVALS_PROCESSED.labels("auto_approved").inc(len(outcome.auto_approved))
    return outcome


async def process_overdue(ctx: Context, now: datetime | None) -> OverdueOutcome:
    require_overdue_processor(ctx.viewer)
    policy = ctx.settings.policy
    as_of = check_as_of(now, policy)
    return await process_overdue_approvals(ctx.db, ctx.viewer.person_id, as_of, policy)


async def pending_approvals(ctx: Context) -> list[ApplicationRow]:
    found = await visible_applications(
        ctx, "workflow/pending_approval_ids", approver_id=ctx.viewer.person_id
    )
    return application_rows(found)
