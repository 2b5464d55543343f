"""Notification preferences over GraphQL: every kind on every channel with its default, choices
per kind and channel, approval requests that cannot be switched off by e-mail, chat addresses,
and the worker honouring all of it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from graph.database import Database
from graph.vocabulary import DeliveryChannel, NotificationKind
from tests.support.api import graphql
from tests.support.delivery import Mailbox, deliver, smtp_server, subject
from tests.support.workflow import act, drive, gql, workflow_org

SETTINGS = """{ notificationSettings { email slackId teamsId
  preferences { kind channel mode isDefault mandatory } } }"""
SET = """mutation($preferences: [NotificationPreferenceInput!]!) {
  setNotificationPreferences(input: {preferences: $preferences}) { result { __typename
    ... on NotificationSettings { preferences { kind channel mode isDefault } }
    ... on ValidationError { field message } } } }"""
CHAT = """mutation($slack: String, $teams: String) {
  setChatAddresses(input: {slackId: $slack, teamsId: $teams}) { result { __typename
    ... on NotificationSettings { slackId teamsId }
    ... on ValidationError { field message } } } }"""


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


def mode(settings: dict[str, Any], kind: str, channel: str) -> tuple[str, bool]:
    [found] = [
        (p["mode"], p["isDefault"])
        for p in settings["preferences"]
        if (p["kind"], p["channel"]) == (kind, channel)
    ]
    return found


async def test_everyone_starts_with_the_documented_defaults(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)

    settings = (await gql(client, "SOLO", SETTINGS))["notificationSettings"]

    assert settings["email"] == "solo@example.org"
    assert (settings["slackId"], settings["teamsId"]) == (None, None)
    assert len(settings["preferences"]) == len(NotificationKind) * len(DeliveryChannel)
    assert mode(settings, "REJECTED", "EMAIL") == ("INSTANT", True)
    assert mode(settings, "APPLICATION_RECEIVED", "EMAIL") == ("DIGEST", True)
    assert mode(settings, "APPROVAL_REQUESTED", "SLACK") == ("INSTANT", True)
    mandatory = {p["kind"] for p in settings["preferences"] if p["mandatory"]}
    assert mandatory == {"APPROVAL_REQUESTED"}


async def test_a_person_chooses_per_kind_and_channel(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    choices = [
        {"kind": "APPLICATION_RECEIVED", "channel": "EMAIL", "mode": "INSTANT"},
        {"kind": "REJECTED", "channel": "EMAIL", "mode": "OFF"},
        {"kind": "REJECTED", "channel": "TEAMS", "mode": "DIGEST"},
    ]

    result = (await gql(client, "OWNER", SET, {"preferences": choices}))[
        "setNotificationPreferences"
    ]["result"]
    others = (await gql(client, "SOLO", SETTINGS))["notificationSettings"]

    assert result["__typename"] == "NotificationSettings"
    assert mode(result, "APPLICATION_RECEIVED", "EMAIL") == ("INSTANT", False)
    assert mode(result, "REJECTED", "EMAIL") == ("OFF", False)
    assert mode(result, "REJECTED", "TEAMS") == ("DIGEST", False)
    assert mode(result, "REJECTED", "SLACK") == ("INSTANT", True)
    assert mode(others, "REJECTED", "EMAIL") == ("INSTANT", True)  # only the viewer's own


async def test_approval_requests_cannot_be_switched_off_by_email(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    choices = [
        {"kind": "REJECTED", "channel": "EMAIL", "mode": "OFF"},
        {"kind": "APPROVAL_REQUESTED", "channel": "EMAIL", "mode": "OFF"},
    ]

    result = (await gql(client, "MANAGER", SET, {"preferences": choices}))[
        "setNotificationPreferences"
    ]["result"]
    settings = (await gql(client, "MANAGER", SETTINGS))["notificationSettings"]

    assert result["__typename"] == "ValidationError"
    assert result["field"] == "preferences[1].mode"
    assert "cannot be turned off by e-mail" in result["message"]
    assert mode(settings, "REJECTED", "EMAIL") == ("INSTANT", True)  # all or nothing


async def test_an_unknown_kind_is_refused(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().load(db)
    choices = [{"kind": "LUNCH_MENU", "channel": "EMAIL", "mode": "OFF"}]

    refused = await graphql(client, SET, "SOLO", variables={"preferences": choices})
    settings = (await gql(client, "SOLO", SETTINGS))["notificationSettings"]

    assert "data" not in refused or refused["data"] is None
    assert "LUNCH_MENU" in refused["errors"][0]["message"]
    assert all(p["isDefault"] for p in settings["preferences"])


async def test_chat_addresses_are_set_checked_and_removed(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)

    set_ = await gql(client, "SOLO", CHAT, {"slack": "U024BE7LH", "teams": "sam@example.org"})
    bad = await gql(client, "SOLO", CHAT, {"slack": "@sam"})
    removed = await gql(client, "SOLO", CHAT, {"teams": ""})

    assert set_["setChatAddresses"]["result"] == {
        "__typename": "NotificationSettings",
        "slackId": "U024BE7LH",
        "teamsId": "sam@example.org",
    }
    assert bad["setChatAddresses"]["result"]["field"] == "slackId"
    assert removed["setChatAddresses"]["result"]["slackId"] == "U024BE7LH"
    assert removed["setChatAddresses"]["result"]["teamsId"] is None


async def test_the_worker_honours_instant_digest_and_off(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    owner_wants_applicants_at_once = [
        {"kind": "APPLICATION_RECEIVED", "channel": "EMAIL", "mode": "INSTANT"}
    ]
    solo_wants_no_rejections = [{"kind": "REJECTED", "channel": "EMAIL", "mode": "OFF"}]
    bob_reads_rejections_in_the_digest = [
        {"kind": "REJECTED", "channel": "EMAIL", "mode": "DIGEST"}
    ]
    for person, choices in (
        ("OWNER", owner_wants_applicants_at_once),
        ("SOLO", solo_wants_no_rejections),
        ("BOB", bob_reads_rejections_in_the_digest),
    ):
        await gql(client, person, SET, {"preferences": choices})
    for person in ("SOLO", "BOB"):
        await act(client, "OWNER", "reject", await drive(db, person, "G1", "submitted"))

    await deliver(db, mailbox)

    assert sorted(subject(m) for m in mailbox.to("owner@example.org")) == [
        "New applicant for Gig G1: Bob Builder",
        "New applicant for Gig G1: Sam Solo",
    ]
    assert mailbox.to("solo@example.org") == []
    assert mailbox.to("bob@example.org") == []  # waits for the digest
    rows = await db.read("delivery/deliveries_of_person", person_id="BOB")
    assert [row["delivery"]["status"] for row in rows] == ["digest"]
