"""A worker killed (SIGKILL) in the middle of a batch, and a new one started: every notification
is delivered, none twice to the same address. And the one duplicate the design allows."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from graph.database import ConnectionInfo, Database
from graph.vocabulary import DeliveryChannel
from tests.support.api import TEST_SECRET
from tests.support.delivery import Mailbox, body, deliver, delivery_settings, smtp_server, worker
from tests.support.factories import OrgFactory

PEOPLE = 20
NOTIFICATIONS = 200
TALENTGRAPH = Path(sys.executable).parent / "talentgraph"


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


async def notifications(db: Database, count: int) -> None:
    """`count` rejections spread over PEOPLE people, written by the workflow's own query."""
    org = OrgFactory().department("D", "Data").person("OWNER", "D").gig("G1", "OWNER", "D")
    for n in range(PEOPLE):
        org.person(f"P{n}", "D")
    await org.load(db)
    notices = [
        {
            "person_id": f"P{n % PEOPLE}",
            "kind": "rejected",
            "message": f"You were not selected for Gig G1 (#{n})",
            "gig_id": "G1",
            "application_id": None,
            "engagement_id": None,
        }
        for n in range(count)
    ]
    await db.write("workflow/notify", notifications=notices, now=datetime.now(UTC))


async def counts(db: Database) -> Counter[str]:
    rows = await db.read("delivery/delivery_counts")
    return Counter({row["status"]: int(row["deliveries"]) for row in rows})


async def eventually(
    check: Callable[[], Awaitable[bool]], what: str, timeout_s: float = 240
) -> None:
    """Waits for `check`; generous, since a loaded CI machine starts a Python process slowly."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        await asyncio.sleep(0.05)


@asynccontextmanager
async def worker_process(
    connection: ConnectionInfo, mailbox: Mailbox
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`talentgraph notifications deliver` against the test's servers; killed on the way out if
    the test left it running (a failed assertion), so no worker outlives its test."""
    env = os.environ | {
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        "TALENTGRAPH_SECRET": TEST_SECRET,
        "TALENTGRAPH_SMTP_HOST": "127.0.0.1",
        "TALENTGRAPH_SMTP_PORT": str(mailbox.port),
        "TALENTGRAPH_SMTP_CONNECTIONS": "4",
        "TALENTGRAPH_SMTP_TIMEOUT_S": "600",  # the held messages wait for the kill, not time out
        "TALENTGRAPH_DELIVERY_BATCH_SIZE": "50",
        "TALENTGRAPH_DELIVERY_CONCURRENCY": "4",
        "TALENTGRAPH_DELIVERY_LEASE_S": "2",
        "TALENTGRAPH_DELIVERY_INTERVAL_S": "0.2",
    }
    process = await asyncio.create_subprocess_exec(
        str(TALENTGRAPH),
        "notifications",
        "deliver",
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_a_worker_killed_mid_batch_and_restarted_delivers_each_once(
    db: Database, neo4j_connection: ConnectionInfo, mailbox: Mailbox
) -> None:
    await notifications(db, NOTIFICATIONS)
    mailbox.hold_after = 60  # the server stops answering after 60 messages: the batch is mid-way

    async def stalled_with_every_accepted_message_recorded() -> bool:
        return mailbox.held >= 1 and (await counts(db))["sent"] == len(mailbox.messages)

    async with worker_process(neo4j_connection, mailbox) as first:
        await eventually(stalled_with_every_accepted_message_recorded, "the worker is stalled")
        first.send_signal(signal.SIGKILL)
        await first.wait()
    at_kill = await counts(db)
    mailbox.hold_after = None
    mailbox.release.set()  # the held messages are answered 451: not accepted

    async def all_sent() -> bool:
        return (await counts(db))["sent"] == NOTIFICATIONS

    async with worker_process(neo4j_connection, mailbox) as second:
        await eventually(all_sent, "every delivery is sent")
        second.send_signal(signal.SIGTERM)
        assert await second.wait() == 0

    assert at_kill["sent"] == 60
    assert at_kill["sending"] > 0  # claimed by the killed worker, then reclaimed after the lease
    assert len(mailbox.messages) == NOTIFICATIONS
    per_message = Counter(str(m["Message-ID"]) for m in mailbox.messages)
    assert set(per_message.values()) == {1}
    subjects = Counter((str(m["To"]), body_line(m)) for m in mailbox.messages)
    assert set(subjects.values()) == {1}
    per_person = Counter(str(m["To"]) for m in mailbox.messages)
    assert set(per_person.values()) == {NOTIFICATIONS // PEOPLE}


def body_line(message: EmailMessage) -> str:
    """The notification's own sentence, which numbers each of the test's notifications."""
    return next(line for line in body(message).splitlines() if "(#" in line)


async def test_a_crash_after_sending_and_before_recording_sends_the_same_message_again(
    db: Database, mailbox: Mailbox
) -> None:
    """The documented duplicate: the server accepted the message and the worker stopped before
    its `sent` was committed. After the lease the message goes again, with the same Message-ID."""
    await notifications(db, 1)
    settings = delivery_settings(lease_s=30.0)
    crashing = worker(db, mailbox, settings)
    now = datetime.now(UTC)
    await crashing.plan(now)
    claimed = await db.write(
        "delivery/claim_due_deliveries",
        now=now,
        lease_until=now + timedelta(seconds=30),
        limit=10,
        max_attempts=3,
        worker="crashing",
    )
    [row] = await db.read("delivery/deliveries_to_send", keys=[claimed[0]["key"]])
    await crashing.senders[DeliveryChannel.EMAIL].send(
        crashing.renderer.render(row)
    )  # ... and it stops here
    await crashing.close()

    during_lease = await deliver(db, mailbox, settings, now=now + timedelta(seconds=10))
    after_lease = await deliver(db, mailbox, settings, now=now + timedelta(seconds=31))

    assert (during_lease.sent, after_lease.sent) == (0, 1)
    first, again = mailbox.messages
    assert first["Message-ID"] == again["Message-ID"]
    assert (await counts(db))["sent"] == 1
