"""The rules of delivery: which kinds come at once by default, and which nobody may silence."""

from __future__ import annotations

from graph.vocabulary import DeliveryChannel, DeliveryMode, NotificationKind

Kind = NotificationKind

# Kinds a person hears of at once unless they choose otherwise: someone waits for them, or they
# would want to know now. Every other kind waits for the daily digest. Chat follows the same
# defaults as e-mail once a person has a chat address.
INSTANT_BY_DEFAULT = frozenset(
    {
        Kind.APPROVAL_REQUESTED,
        Kind.INVITED,
        Kind.SHORTLISTED,
        Kind.OFFER_MADE,
        Kind.REJECTED,
        Kind.OFFER_ACCEPTED,
        Kind.APPROVED,
        Kind.APPROVAL_DECLINED,
        Kind.FEEDBACK_RECEIVED,
        Kind.ENGAGEMENT_CANCELLED,
    }
)
# A manager's approval request can move to the digest but never be switched off by e-mail: one
# left unanswered escalates to the manager's manager (see the approval policy) instead.
MANDATORY = frozenset({Kind.APPROVAL_REQUESTED})
DIGEST = "digest"  # the kind of a digest delivery, which stands for the notifications it carries


def default_mode(kind: str) -> DeliveryMode:
    return DeliveryMode.INSTANT if kind in INSTANT_BY_DEFAULT else DeliveryMode.DIGEST


def mode_allowed(kind: str, channel: DeliveryChannel, mode: DeliveryMode) -> bool:
    """Whether a person may choose `mode` for `kind` on `channel`."""
    return not (kind in MANDATORY and channel == DeliveryChannel.EMAIL and mode == DeliveryMode.OFF)
