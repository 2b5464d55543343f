"""Slack and Teams through the organisation's incoming webhooks, received by a real local HTTP
server: the person is mentioned, the button opens the screen; a failing webhook is retried, a
refusing one recorded; chat addresses come from the HRIS import or the profile."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from graph.database import Database
from seed.org_import import ImportInvalid, read_org_dir
from tests.support.delivery import (
    WEB_URL,
    Mailbox,
    WebhookReceiver,
    deliver,
    delivery_settings,
    smtp_server,
    webhook_receiver,
)
from tests.support.workflow import act, drive, gql, workflow_org

CHAT = """mutation($slack: String) { setChatAddresses(input: {slackId: $slack}) {
  result { __typename } } }"""


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


@pytest.fixture
async def receiver() -> AsyncIterator[WebhookReceiver]:
    async with webhook_receiver() as receiver:
        yield receiver


def chat_settings(receiver: WebhookReceiver, **overrides: object) -> object:
    return delivery_settings(
        slack_webhook_url=receiver.url("slack"),
        teams_webhook_url=receiver.url("teams"),
        **overrides,
    )


async def test_people_with_a_chat_address_are_mentioned_with_a_button_to_the_screen(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, receiver: WebhookReceiver
) -> None:
    org = workflow_org().update_person("SOLO", slack_id="U0SOLO123")
    await org.update_person("BOB", teams_id="bob@example.org").load(db)
    solo = await drive(db, "SOLO", "G1", "submitted")
    bob = await drive(db, "BOB", "MICRO", "submitted")
    for application in (solo, bob):
        await act(client, "OWNER", "reject", application)

    outcome = await deliver(db, mailbox, chat_settings(receiver))  # type: ignore[arg-type]

    [slack] = receiver.posts["slack"]
    section, actions = slack["blocks"]
    assert section["text"]["text"].startswith("<@U0SOLO123> *Your application to Gig G1*")
    assert "The reason given: we need deeper SQL." in section["text"]["text"]
    [button] = actions["elements"]
    assert button["text"]["text"] == "See your application"
    assert button["url"] == f"{WEB_URL}/applications"
    [teams] = receiver.posts["teams"]
    card = teams["attachments"][0]["content"]
    assert card["body"][0]["text"] == "<at>Bob Builder</at> Your application to Gig MICRO"
    [mention] = card["msteams"]["entities"]
    assert mention["mentioned"] == {"id": "bob@example.org", "name": "Bob Builder"}
    [open_url] = card["actions"]
    assert open_url == {
        "type": "Action.OpenUrl",
        "title": "See your application",
        "url": f"{WEB_URL}/applications",
    }
    assert len(mailbox.messages) == 2  # e-mail too: both channels are on by default
    assert outcome.sent == 4


async def test_without_the_organisations_webhook_nothing_goes_to_chat(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, receiver: WebhookReceiver
) -> None:
    await workflow_org().update_person("SOLO", slack_id="U0SOLO123").load(db)
    await act(client, "OWNER", "reject", await drive(db, "SOLO", "G1", "submitted"))

    outcome = await deliver(db, mailbox)

    assert receiver.posts == {}
    assert outcome.sent == 1
    rows = await db.read("delivery/deliveries_of_person", person_id="SOLO")
    assert [row["delivery"]["channel"] for row in rows] == ["email"]


async def test_a_failing_webhook_is_retried_and_a_refusing_one_recorded(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, receiver: WebhookReceiver
) -> None:
    await workflow_org().update_person("SOLO", slack_id="U0SOLO123").load(db)
    await act(client, "OWNER", "reject", await drive(db, "SOLO", "G1", "submitted"))
    settings = chat_settings(receiver, backoff_s=0.0, max_attempts=3)

    receiver.status = 503
    unavailable = await deliver(db, mailbox, settings)  # type: ignore[arg-type]
    rows = await db.read("delivery/deliveries_of_person", person_id="SOLO")
    [slack] = [row["delivery"] for row in rows if row["delivery"]["channel"] == "slack"]

    assert (unavailable.retrying, unavailable.failed) == (2, 1)
    assert slack["status"] == "failed"
    assert slack["failed_reason"].startswith("gave up after 3 attempts: 503")
    assert receiver.posts == {}


async def test_a_webhook_that_refuses_the_message_is_not_retried(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, receiver: WebhookReceiver
) -> None:
    await workflow_org().update_person("SOLO", slack_id="U0SOLO123").load(db)
    await act(client, "OWNER", "reject", await drive(db, "SOLO", "G1", "submitted"))
    receiver.status = 404

    outcome = await deliver(db, mailbox, chat_settings(receiver))  # type: ignore[arg-type]
    rows = await db.read("delivery/deliveries_of_person", person_id="SOLO")
    [slack] = [row["delivery"] for row in rows if row["delivery"]["channel"] == "slack"]

    assert outcome.failed == 1
    assert slack["attempts"] == 1
    assert slack["failed_reason"].startswith("refused: 404")


async def test_a_chat_address_set_on_the_profile_is_used(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, receiver: WebhookReceiver
) -> None:
    await workflow_org().load(db)
    await gql(client, "SOLO", CHAT, {"slack": "U0SOLO123"})
    await act(client, "OWNER", "reject", await drive(db, "SOLO", "G1", "submitted"))

    await deliver(db, mailbox, chat_settings(receiver))  # type: ignore[arg-type]

    [slack] = receiver.posts["slack"]
    assert slack["blocks"][0]["text"]["text"].startswith("<@U0SOLO123>")


async def test_the_import_takes_chat_addresses_and_refuses_malformed_ones(
    db: Database, tmp_path: Path
) -> None:
    (tmp_path / "departments.csv").write_text("id,name\nD1,Data\n")
    (tmp_path / "people.csv").write_text(
        "id,name,email,department_id,slack_id,teams_id\n"
        "P1,Ada,ada@example.org,D1,U024BE7LH,ada@example.org\n"
        "P2,Bob,bob@example.org,D1,,\n"
        "P3,Cy,cy@example.org,D1,@cy,cy at example\n"
    )

    with pytest.raises(ImportInvalid) as refused:
        await read_org_dir(db, tmp_path)
    (tmp_path / "people.csv").write_text(
        "id,name,email,department_id,slack_id,teams_id\n"
        "P1,Ada,ada@example.org,D1,U024BE7LH,ada@example.org\n"
        "P2,Bob,bob@example.org,D1,,\n"
    )
    org = await read_org_dir(db, tmp_path)

    assert [str(issue) for issue in refused.value.issues] == [
        "people.csv:4: slack_id: '@cy' is not a Slack member id such as U024BE7LH",
        "people.csv:4: teams_id: 'cy at example' is not a Teams user: their sign-in address or "
        "object id",
    ]
    assert [(p.slack_id, p.teams_id) for p in org.people] == [
        ("U024BE7LH", "ada@example.org"),
        (None, None),
    ]
