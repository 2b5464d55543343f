"""The daily digest: what waits for it is gathered once a day, per person and channel, into one
message that groups what happened."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta

import httpx
import pytest

from delivery import preferences
from graph.database import Database
from graph.vocabulary import DeliveryChannel, DeliveryMode, NotificationKind
from tests.support.delivery import (
    WEB_URL,
    Mailbox,
    body,
    deliver,
    delivery_settings,
    smtp_server,
    subject,
)
from tests.support.workflow import act, drive, workflow_org


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day.date(), time(hour, minute), tzinfo=UTC)


async def test_a_digest_groups_the_day_and_comes_once_at_the_digest_hour(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    """MANAGER owns G2, which three people apply to (new applicants wait for the digest by
    default), and is asked to approve Alice's move to G1, which MANAGER chose to read in the
    digest too."""
    await workflow_org().gig("G2", "MANAGER", "OPS", title="Churn dashboard").load(db)
    await preferences.set_preferences(
        db,
        "MANAGER",
        [
            preferences.PreferenceChoice(
                NotificationKind.APPROVAL_REQUESTED, DeliveryChannel.EMAIL, DeliveryMode.DIGEST
            )
        ],
    )
    for person in ("SOLO", "BOB", "DIRECTOR"):
        await drive(db, person, "G2", "submitted")
    await act(client, "OWNER", "shortlist", await drive(db, "ALICE", "G1", "submitted"))
    settings = delivery_settings(digest_hour=8)
    today = datetime.now(UTC)
    tomorrow = today + timedelta(days=1)

    await deliver(db, mailbox, settings, now=today)
    before = mailbox.to("manager@example.org")
    early = await deliver(db, mailbox, settings, now=at(tomorrow, 7, 59))
    digest_time = await deliver(db, mailbox, settings, now=at(tomorrow, 8, 0))
    later = await deliver(db, mailbox, settings, now=at(tomorrow, 12, 0))

    assert before == []
    assert (early.digests, early.sent) == (0, 0)
    assert digest_time.digests == 2  # MANAGER's, and OWNER's (Alice applied to G1)
    assert later.sent == 0
    [digest] = mailbox.to("manager@example.org")
    assert subject(digest) == (
        "Your daily summary: 3 new applicants to Churn dashboard; 1 approval waiting"
    )
    text = body(digest)
    for line in (
        "- Sam Solo applied to Churn dashboard",
        "- Bob Builder applied to Churn dashboard",
        "- Dora Director applied to Churn dashboard",
        "- Alice Analyst is shortlisted for Gig G1 (4 h/week for 6 weeks): approve or decline",
        f"Open the marketplace: {WEB_URL}/",
    ):
        assert line in text
    assert "kind=application_received" in text
    assert "kind=approval_requested" in text
    rows = await db.read("delivery/deliveries_of_person", person_id="MANAGER")
    assert sorted(row["delivery"]["status"] for row in rows) == ["sent"] * 5


async def test_what_arrives_after_the_digest_waits_for_the_next_one(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    settings = delivery_settings(digest_hour=8)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    await drive(db, "SOLO", "G1", "submitted")
    await deliver(db, mailbox, settings, now=at(tomorrow, 6))
    await deliver(db, mailbox, settings, now=at(tomorrow, 8))
    await drive(db, "BOB", "G1", "submitted")

    same_day = await deliver(db, mailbox, settings, now=at(tomorrow, 9))
    next_day = await deliver(db, mailbox, settings, now=at(tomorrow + timedelta(days=1), 8))

    first, second = mailbox.to("owner@example.org")
    assert same_day.sent == 0
    assert next_day.sent == 1
    assert subject(first) == "Your daily summary: 1 new applicant to Gig G1"
    assert "Sam Solo applied to Gig G1" in body(first)
    assert "Bob Builder applied to Gig G1" in body(second)
    assert "Sam Solo" not in body(second)
