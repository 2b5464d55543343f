"""The rules of the gig lifecycle as data: which event moves a gig from which status to which;
which action moves an application from which state to which, who may take it, who hears of it;
what counts as approved; the dates that open and close steps; the capacity arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from graph.database import Row
from graph.vocabulary import GigStatus
from resolvers.permissions import (
    Actor,
)

GigEvent = Literal["publish", "cancel", "fill", "start", "complete"]


@dataclass(frozen=True)
class GigTransition:
    """The statuses a gig leaves by an event and the status it reaches."""

    sources: frozenset[GigStatus]
    target: GigStatus

    def params(self) -> dict[str, object]:
        """The transition as the parameters of the Cypher that makes it (`$sources`, `$target`)."""
        return {"sources": sorted(self.sources), "target": self.target}


GIG_TRANSITIONS: dict[GigEvent, GigTransition] = {
    # its owner publishes a draft with at least one skill
    "publish": GigTransition(frozenset({GigStatus.DRAFT}), GigStatus.OPEN),
    # its owner cancels it before anyone has a seat
    "cancel": GigTransition(frozenset({GigStatus.DRAFT, GigStatus.OPEN}), GigStatus.CANCELLED),
    # the offer accepted for its last seat
    "fill": GigTransition(frozenset({GigStatus.OPEN}), GigStatus.FILLED),
    # its start date, by the scheduled run (a gig under way, as `completable` judges it)
    "start": GigTransition(frozenset({GigStatus.FILLED}), GigStatus.IN_PROGRESS),
    # the completion of its last active engagement
    "complete": GigTransition(
        frozenset({GigStatus.FILLED, GigStatus.IN_PROGRESS}), GigStatus.COMPLETED
    ),
}

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


APPROVED = frozenset({"approved", "not_needed", "auto_approved"})


AWAITING_APPROVAL = frozenset({"pending", "escalated"})


FILLED_REASON = "all seats of the gig have been filled"


def day(value: Any) -> date | None:
    """A stored date (Neo4j's `Date`, or a Python one), or None."""
    if value is None:
        return None
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, date) else None


def applications_closed(deadline: date | None, today: date) -> bool:
    """Applications to a gig close after its deadline's day; a gig without one takes them while
    it is open. The owner may still invite: the deadline bounds the open call, not the owner."""
    return deadline is not None and today > deadline


def completable(start: date | None, today: date) -> bool:
    """A gig is under way from its start date, one without a start date from acceptance: only
    then are its engagements completed (hours, a rating and validated skills before the first
    day would be invented) and is it in progress (`gigs/start_due_gigs` asks the same of many)."""
    return start is None or today >= start


SYSTEM_ACTOR = "system"


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


# How an application a manager signed for ended: the manager who approved is told.
OUTCOMES = {
    "accept_offer": "started on",
    "decline_offer": "declined the offer for",
    "withdraw": "withdrew from",
    "reject": "was not selected for",
}


def available_hours(person: Row, committed_hours: float) -> float:
    """Weekly hours a person can still give to gigs: their gig share of the week minus what their
    active engagements already commit."""
    weekly = float(person.get("weekly_hours") or 0.0)
    share = float(person.get("gig_capacity_pct") or 0.0)
    return weekly * share / 100.0 - committed_hours
