"""A mail server that fails: each attempt is recorded, retried after a growing backoff, and given up
after the configured number of attempts with the reason; a refused address fails at once."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from graph.database import Database
from tests.support.delivery import Mailbox, deliver, delivery_settings, smtp_server, smtp_settings
from tests.support.workflow import act, drive, workflow_org


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


async def rejected(db: Database, client: httpx.AsyncClient, person: str = "SOLO") -> None:
    await workflow_org().load(db)
    await act(client, "OWNER", "reject", await drive(db, person, "G1", "submitted"))


async def delivery_of(db: Database, person: str) -> dict[str, object]:
    rows = await db.read("delivery/deliveries_of_person", person_id=person)
    [row] = rows
    delivery: dict[str, object] = row["delivery"]
    return delivery


async def test_a_failing_server_is_retried_with_backoff_until_it_accepts(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await rejected(db, client)
    mailbox.failures = 2
    settings = delivery_settings(backoff_s=60.0, max_attempts=5)
    start = datetime.now(UTC)

    first = await deliver(db, mailbox, settings, now=start)
    too_soon = await deliver(db, mailbox, settings, now=start + timedelta(seconds=59))
    second = await deliver(db, mailbox, settings, now=start + timedelta(seconds=61))
    still_backing_off = await deliver(
        db, mailbox, settings, now=start + timedelta(seconds=61 + 119)
    )
    third = await deliver(db, mailbox, settings, now=start + timedelta(seconds=182))

    assert (first.retrying, too_soon.retrying, second.retrying) == (1, 0, 1)
    assert (still_backing_off.sent, third.sent) == (0, 1)
    [mail] = mailbox.messages
    assert mail["To"] == "Sam Solo <solo@example.org>"
    delivery = await delivery_of(db, "SOLO")
    assert delivery["status"] == "sent"
    assert delivery["attempts"] == 3
    errors = delivery["errors"]
    assert isinstance(errors, list)
    assert len(errors) == 2
    assert all("451 4.3.0 try again later" in error for error in errors)


async def test_a_server_that_keeps_failing_is_given_up_with_the_reason(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await rejected(db, client)
    mailbox.failures = 100
    settings = delivery_settings(backoff_s=0.0, max_attempts=3)

    outcome = await deliver(db, mailbox, settings)
    again = await deliver(db, mailbox, settings)

    assert (outcome.retrying, outcome.failed, again.sent) == (2, 1, 0)
    assert mailbox.messages == []
    delivery = await delivery_of(db, "SOLO")
    assert delivery["status"] == "failed"
    assert delivery["attempts"] == 3
    assert delivery["failed_reason"] == "gave up after 3 attempts: 451 4.3.0 try again later"
    assert "due_at" not in delivery  # never due again


async def test_a_refused_address_fails_at_once(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await rejected(db, client)
    mailbox.refuse = {"solo@example.org"}

    outcome = await deliver(db, mailbox)

    assert (outcome.sent, outcome.failed) == (0, 1)
    delivery = await delivery_of(db, "SOLO")
    assert delivery["attempts"] == 1
    assert delivery["failed_reason"] == "refused: 550 5.1.1 no such mailbox"


async def test_a_server_that_is_down_is_retried_later(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await rejected(db, client)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed_port = unused.getsockname()[1]
    down = smtp_settings(mailbox, port=closed_port)
    start = datetime.now(UTC)

    offline = await deliver(db, mailbox, smtp=down, now=start)
    back = await deliver(db, mailbox, now=start + timedelta(minutes=5))

    assert (offline.retrying, back.sent) == (1, 1)
    delivery = await delivery_of(db, "SOLO")
    assert "Connect" in str(delivery["errors"])
    assert len(mailbox.messages) == 1
