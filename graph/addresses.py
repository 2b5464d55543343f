"""The shape of a chat address, checked the same way by the HRIS import and the profile: a Slack
member id (`U024BE7LH`, what a mention `<@U024BE7LH>` needs) and a Teams user (their sign-in
address or Entra object id, what a Teams mention needs)."""

from __future__ import annotations

import re

_SLACK = re.compile(r"[UW][A-Z0-9]{6,}")
_TEAMS = re.compile(
    r"[^@\s]+@[^@\s]+\.[^@\s]+"
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


def slack_member_id(value: str) -> str:
    """`value` trimmed, or ValueError when it is not a Slack member id."""
    trimmed = value.strip()
    if not _SLACK.fullmatch(trimmed):
        raise ValueError(f"{value!r} is not a Slack member id such as U024BE7LH")
    return trimmed


def teams_user(value: str) -> str:
    """`value` trimmed, or ValueError when it is neither a sign-in address nor an object id."""
    trimmed = value.strip()
    if not _TEAMS.fullmatch(trimmed):
        raise ValueError(f"{value!r} is not a Teams user: their sign-in address or object id")
    return trimmed
