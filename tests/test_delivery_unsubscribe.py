"""Unsubscribe links: they work without signing in, turn off that kind on that channel (approval
requests move to the digest instead), and a forged or altered link changes nothing."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httpx
import pytest

from graph.database import Database
from tests.support.delivery import PUBLIC_URL, Mailbox, body, deliver, smtp_server
from tests.support.workflow import act, drive, workflow_org


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


def unsubscribe_path(mail_text: str) -> str:
    """The path and query of the message's unsubscribe link, as the service serves it."""
    [url] = re.findall(rf"{PUBLIC_URL}/notifications/unsubscribe\?\S+", mail_text)
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


async def rejection_mail(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, person: str
) -> str:
    await act(client, "OWNER", "reject", await drive(db, person, "G1", "submitted"))
    await deliver(db, mailbox)
    return body(mailbox.to(f"{person.lower()}@example.org")[-1])


async def test_the_link_asks_then_stops_that_kind_of_email(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    path = unsubscribe_path(await rejection_mail(db, client, mailbox, "SOLO"))

    page = await client.get(path)  # no Authorization header: no sign-in needed
    done = await client.post(path)
    await act(client, "OWNER", "reject", await drive(db, "SOLO", "MICRO", "submitted"))
    await deliver(db, mailbox)

    assert page.status_code == 200
    assert "Stop e-mails about rejected?" in page.text
    assert done.status_code == 200
    assert "You will no longer get e-mails about rejected." in done.text
    assert len(mailbox.to("solo@example.org")) == 1  # the second rejection sent nothing


async def test_a_mail_clients_one_click_post_unsubscribes(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    await rejection_mail(db, client, mailbox, "SOLO")
    header = str(mailbox.messages[-1]["List-Unsubscribe"]).strip("<>")
    parts = urlsplit(header)

    response = await client.post(
        f"{parts.path}?{parts.query}",
        content="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    rows = await db.read("delivery/preferences_of_person", person_id="SOLO")

    assert response.status_code == 200
    assert rows[0]["preferences"] == [{"kind": "rejected", "channel": "email", "mode": "off"}]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda path: path.replace("person=SOLO", "person=BOB"),
        lambda path: path.replace("kind=rejected", "kind=approval_requested"),
        lambda path: path.replace("channel=email", "channel=slack"),
        lambda path: re.sub(r"sig=[^&]+", "sig=forged", path),
        lambda path: re.sub(r"&sig=[^&]+", "", path),
    ],
)
async def test_a_forged_or_altered_link_is_refused_and_changes_nothing(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox, tamper: object
) -> None:
    await workflow_org().load(db)
    path = unsubscribe_path(await rejection_mail(db, client, mailbox, "SOLO"))
    forged = tamper(path)  # type: ignore[operator]

    response = await client.post(forged)
    rows = [
        await db.read("delivery/preferences_of_person", person_id=person)
        for person in ("SOLO", "BOB")
    ]

    assert response.status_code == 403
    assert "This link is not valid" in response.text
    assert [row[0]["preferences"] for row in rows] == [[], []]


async def test_approval_requests_move_to_the_digest_instead_of_stopping(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    await act(client, "OWNER", "shortlist", await drive(db, "ALICE", "G1", "submitted"))
    await deliver(db, mailbox)
    path = unsubscribe_path(body(mailbox.to("manager@example.org")[0]))

    response = await client.post(path)
    rows = await db.read("delivery/preferences_of_person", person_id="MANAGER")

    assert response.status_code == 200
    assert "Moved to your daily digest" in response.text
    assert rows[0]["preferences"] == [
        {"kind": "approval_requested", "channel": "email", "mode": "digest"}
    ]
