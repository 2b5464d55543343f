"""The words of delivery: channels, modes, the defaults and the kinds nobody may silence."""

from __future__ import annotations

from typing import Literal, get_args

Channel = Literal["email", "slack", "teams"]
Mode = Literal["instant", "digest", "off"]
Status = Literal["pending", "sending", "sent", "failed", "digest", "in_digest"]

CHANNELS: tuple[Channel, ...] = get_args(Channel)
MODES: tuple[Mode, ...] = get_args(Mode)
CHAT_CHANNELS: tuple[Channel, ...] = ("slack", "teams")

# Kinds a person hears of at once unless they choose otherwise; every other kind waits for the
# daily digest. Chat follows the same defaults as e-mail once a person has a chat address.
INSTANT_BY_DEFAULT = frozenset(
    {
        "approval_requested",
        "invited",
        "shortlisted",
        "offer_made",
        "rejected",
        "offer_accepted",
        "approved",
        "approval_declined",
        "feedback_received",
        "engagement_cancelled",
    }
)
# A manager's approval request can be delayed to the digest but never switched off by e-mail:
# one left unanswered escalates to the manager's manager (see the approval policy).
MANDATORY = frozenset({"approval_requested"})
DIGEST_KIND = "digest"

NOTIFICATION_KINDS: tuple[str, ...] = (
    "application_received",
    "invited",
    "invitation_accepted",
    "declined",
    "shortlisted",
    "offer_made",
    "offer_accepted",
    "withdrawn",
    "rejected",
    "approval_requested",
    "approved",
    "approval_declined",
    "gig_filled",
    "feedback_received",
    "engagement_cancelled",
    "gig_feedback",
    "endorsed",
)


def channel_named(name: str) -> Channel | None:
    """The channel called `name`, or None for a name that is none."""
    for channel in CHANNELS:
        if channel == name:
            return channel
    return None


def default_mode(kind: str) -> Mode:
    return "instant" if kind in INSTANT_BY_DEFAULT else "digest"


def mode_allowed(kind: str, channel: Channel, mode: Mode) -> bool:
    """Whether a person may choose `mode` for `kind` on `channel`."""
    return not (kind in MANDATORY and channel == "email" and mode == "off")
