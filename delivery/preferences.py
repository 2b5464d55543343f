"""What the notification settings fields do: a person's modes per kind and channel, their chat
addresses, and the unsubscribe a signed link asks for. Each person changes only their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from delivery.rules import MANDATORY, default_mode, mode_allowed
from graph.addresses import slack_member_id, teams_user
from graph.database import Database
from graph.errors import NotFound, ValidationFailed
from graph.vocabulary import DeliveryChannel, DeliveryMode, NotificationKind, values


@dataclass(frozen=True)
class Preference:
    kind: NotificationKind
    channel: DeliveryChannel
    mode: DeliveryMode
    is_default: bool
    mandatory: bool


@dataclass(frozen=True)
class PreferenceChoice:
    kind: NotificationKind
    channel: DeliveryChannel
    mode: DeliveryMode


@dataclass(frozen=True)
class NotificationSettings:
    person_id: str
    email: str
    slack_id: str | None
    teams_id: str | None
    preferences: tuple[Preference, ...]


async def notification_settings(db: Database, person_id: str) -> NotificationSettings:
    """Every kind on every channel, with the person's choice or the default."""
    rows = await db.read("delivery/preferences_of_person", person_id=person_id)
    if not rows:
        raise NotFound("Person", person_id)
    person = rows[0]["person"]
    chosen = {(row["kind"], row["channel"]): row["mode"] for row in rows[0]["preferences"]}
    return NotificationSettings(
        person_id=person["id"],
        email=person["email"],
        slack_id=person.get("slack_id"),
        teams_id=person.get("teams_id"),
        preferences=tuple(
            Preference(
                kind=kind,
                channel=channel,
                mode=DeliveryMode(chosen.get((kind, channel), default_mode(kind))),
                is_default=(kind, channel) not in chosen,
                mandatory=kind in MANDATORY,
            )
            for kind in NotificationKind
            for channel in DeliveryChannel
        ),
    )


def check_choices(choices: list[PreferenceChoice]) -> None:
    """All or nothing: a mandatory kind switched off refuses the whole batch."""
    for position, choice in enumerate(choices):
        if not mode_allowed(choice.kind, choice.channel, choice.mode):
            raise ValidationFailed(
                f"preferences[{position}].mode",
                f"{choice.kind.replace('_', ' ')} cannot be turned off by e-mail: choose instant "
                "or digest (an approval left unanswered escalates to the next manager)",
            )


async def set_preferences(
    db: Database, person_id: str, choices: list[PreferenceChoice]
) -> NotificationSettings:
    check_choices(choices)
    await notification_settings(db, person_id)  # NotFound for an unknown person
    await db.write(
        "delivery/set_preferences",
        person_id=person_id,
        preferences=[
            {"kind": c.kind.value, "channel": c.channel.value, "mode": c.mode.value}
            for c in choices
        ],
        now=datetime.now(UTC),
    )
    return await notification_settings(db, person_id)


async def set_chat_addresses(
    db: Database, person_id: str, slack_id: str | None, teams_id: str | None
) -> NotificationSettings:
    """Sets (or with an empty string removes) a person's Slack member id and Teams user."""
    checks: tuple[tuple[str, str | None, Callable[[str], str]], ...] = (
        ("slackId", slack_id, slack_member_id),
        ("teamsId", teams_id, teams_user),
    )
    for field, value, check in checks:
        if value is not None and value.strip():
            try:
                check(value)
            except ValueError as error:
                raise ValidationFailed(field, str(error)) from None
    rows = await db.write(
        "delivery/set_chat_addresses", person_id=person_id, slack_id=slack_id, teams_id=teams_id
    )
    if not rows:
        raise NotFound("Person", person_id)
    return await notification_settings(db, person_id)


async def unsubscribe(
    db: Database, person_id: str, kind: str, channel: DeliveryChannel
) -> DeliveryMode:
    """What a signed unsubscribe link does: that kind off on that channel, or, for a kind nobody
    may switch off by e-mail, moved to the digest. Returns the mode now in force."""
    if kind not in values(NotificationKind):
        raise ValidationFailed("kind", f"unknown kind of notification {kind!r}")
    mode = DeliveryMode.OFF
    if not mode_allowed(kind, channel, mode):
        mode = DeliveryMode.DIGEST
    await set_preferences(db, person_id, [PreferenceChoice(NotificationKind(kind), channel, mode)])
    return mode
