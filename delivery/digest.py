"""The daily digest's summary: what happened, grouped, in one line ("3 new applicants to Churn
dashboard; 1 approval waiting")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

# Per kind: singular and plural phrase; {gig} is the gig's title where the kind groups by gig.
PHRASES: dict[str, tuple[str, str]] = {
    "application_received": ("{n} new applicant to {gig}", "{n} new applicants to {gig}"),
    "approval_requested": ("{n} approval waiting", "{n} approvals waiting"),
    "invited": ("{n} invitation", "{n} invitations"),
    "invitation_accepted": (
        "{n} invitation accepted for {gig}",
        "{n} invitations accepted for {gig}",
    ),
    "declined": ("{n} decline on {gig}", "{n} declines on {gig}"),
    "withdrawn": ("{n} withdrawal from {gig}", "{n} withdrawals from {gig}"),
    "shortlisted": ("{n} shortlisting", "{n} shortlistings"),
    "offer_made": ("{n} offer", "{n} offers"),
    "offer_accepted": ("{n} offer accepted for {gig}", "{n} offers accepted for {gig}"),
    "rejected": ("{n} application closed", "{n} applications closed"),
    "approved": ("{n} approval granted for {gig}", "{n} approvals granted for {gig}"),
    "approval_declined": ("{n} approval declined for {gig}", "{n} approvals declined for {gig}"),
    "gig_filled": ("{n} gig filled", "{n} gigs filled"),
    "feedback_received": ("{n} gig completed", "{n} gigs completed"),
    "engagement_cancelled": ("{n} engagement cancelled", "{n} engagements cancelled"),
    "gig_feedback": ("{n} rating of {gig}", "{n} ratings of {gig}"),
    "endorsed": ("{n} endorsement", "{n} endorsements"),
    "survey_due": ("{n} survey due", "{n} surveys due"),
}
FALLBACK = ("{n} notification", "{n} notifications")


def summary(items: Sequence[dict[str, Any]]) -> str:
    """One phrase per kind (and gig, where the phrase names it), in order of first appearance."""
    groups: Counter[tuple[str, str | None]] = Counter()
    for item in items:
        singular, _ = PHRASES.get(item["kind"], FALLBACK)
        gig = item.get("gig_title") if "{gig}" in singular else None
        groups[(item["kind"], gig)] += 1
    phrases = []
    for (kind, gig), n in groups.items():
        singular, plural = PHRASES.get(kind, FALLBACK)
        phrases.append((singular if n == 1 else plural).format(n=n, gig=gig or "your gig"))
    return "; ".join(phrases)
