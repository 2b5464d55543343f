"""The delivery worker: every `Notification` becomes a delivery job per channel its person wants,
and each job is sent at least once and, barring one crash window, never twice.

One pass (`DeliveryWorker.run_once`):

1. **plan**: new notifications get a `Delivery` node per wanted channel, keyed
   `<notification id>:<channel>` under a uniqueness constraint (`delivery/plan_deliveries`);
2. **digest**: from the digest hour on, each person's waiting digest jobs per channel are gathered
   into one digest delivery for the day (`delivery/open_digests`);
3. **claim**: due jobs are locked, counted as an attempt and leased to this worker
   (`delivery/claim_due_deliveries`); a job whose worker died comes due again when its lease ends;
4. **send and record**: each message is sent, then recorded at once as `sent`
   (`delivery/record_sent`) or as a failed attempt due again after an exponential backoff, or
   `failed` with its reason after `max_attempts` or a permanent refusal
   (`delivery/record_failure`).

The one duplicate a crash can cause: a worker stopped after the server accepted a message and
before its `sent` was committed sends it again once the lease ends. The copy carries the same
Message-ID, which mail clients and servers use to recognise it; every other crash point resends
nothing that was recorded and loses nothing that was not.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from uuid import uuid4

from delivery.channels import Sender, SendFailed
from delivery.chat import WebhookSender
from delivery.email import EmailSender
from delivery.messages import Renderer
from delivery.rules import INSTANT_BY_DEFAULT
from graph.database import Database, Row
from graph.errors import TalentGraphError
from graph.settings import DeliverySettings, SmtpSettings
from graph.vocabulary import DeliveryChannel

log = logging.getLogger("talentgraph.delivery")

PLAN_BATCH = 1000
PLAN_MARGIN_S = 600  # late commits: a transaction's `now` is taken before it commits


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PassOutcome:
    planned: int = 0
    digests: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def __add__(self, other: PassOutcome) -> PassOutcome:
        return PassOutcome(
            self.planned + other.planned,
            self.digests + other.digests,
            self.sent + other.sent,
            self.retrying + other.retrying,
            self.failed + other.failed,
        )

    @property
    def idle(self) -> bool:
        return self == PassOutcome()


def senders_from_settings(
    delivery: DeliverySettings, smtp: SmtpSettings, *, reuse_connections: bool = True
) -> dict[DeliveryChannel, Sender]:
    """A sender per configured channel: e-mail always, chat where the organisation set a
    webhook."""
    senders: dict[DeliveryChannel, Sender] = {
        DeliveryChannel.EMAIL: EmailSender(smtp, reuse_connections=reuse_connections)
    }
    for channel, url in (
        (DeliveryChannel.SLACK, delivery.slack_webhook_url),
        (DeliveryChannel.TEAMS, delivery.teams_webhook_url),
    ):
        if url:
            senders[channel] = WebhookSender(channel, url, delivery.webhook_timeout_s)
    return senders


class DeliveryWorker:
    def __init__(
        self,
        db: Database,
        settings: DeliverySettings,
        senders: Mapping[DeliveryChannel, Sender],
        renderer: Renderer,
        *,
        worker_id: str | None = None,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.db = db
        self.settings = settings
        self.senders = senders
        self.renderer = renderer
        self.worker_id = worker_id or f"{socket.gethostname()}-{os.getpid()}-{uuid4().hex[:8]}"
        self.clock = clock

    async def plan(self, now: datetime) -> int:
        """Delivery jobs for every notification not planned yet; returns how many were made."""
        planned = 0
        while True:
            rows = await self.db.write(
                "delivery/plan_deliveries",
                now=now,
                margin_s=PLAN_MARGIN_S,
                limit=PLAN_BATCH,
                channels=[channel.value for channel in self.senders],
                instant_kinds=sorted(kind.value for kind in INSTANT_BY_DEFAULT),
            )
            planned += int(rows[0]["planned"])
            if int(rows[0]["notifications"]) < PLAN_BATCH:
                return planned

    async def open_digests(self, now: datetime) -> int:
        """From the digest hour on, one digest per person and channel with jobs waiting from
        before today's digest hour."""
        cutoff = datetime.combine(now.date(), time(self.settings.digest_hour), tzinfo=UTC)
        if now < cutoff:
            return 0
        rows = await self.db.write(
            "delivery/open_digests", cutoff=cutoff, now=now, day=now.date().isoformat()
        )
        return int(rows[0]["digests"]) if rows else 0

    async def deliver_due(self, now: datetime) -> PassOutcome:
        """Claims one batch of due jobs and sends them, `concurrency` at a time."""
        settings = self.settings
        await self.db.write(
            "delivery/give_up_abandoned", now=now, max_attempts=settings.max_attempts
        )
        claimed = await self.db.write(
            "delivery/claim_due_deliveries",
            now=now,
            lease_until=now + timedelta(seconds=settings.lease_s),
            limit=settings.batch_size,
            max_attempts=settings.max_attempts,
            worker=self.worker_id,
        )
        if not claimed:
            return PassOutcome()
        rows = await self.db.read(
            "delivery/deliveries_to_send", keys=[row["key"] for row in claimed]
        )
        slots = asyncio.Semaphore(max(1, settings.concurrency))

        async def deliver(row: Row) -> PassOutcome:
            async with slots:
                return await self._deliver(row, now)

        outcomes = await asyncio.gather(*(deliver(row) for row in rows))
        return sum(outcomes, PassOutcome())

    async def _deliver(self, row: Row, now: datetime) -> PassOutcome:
        delivery = row["delivery"]
        key, channel = delivery["key"], delivery["channel"]
        sender = self.senders.get(channel)
        try:
            if sender is None:
                raise SendFailed(f"no {channel} channel is configured", permanent=True)
            await sender.send(self.renderer.render(row))
        except SendFailed as error:
            return await self._record_failure(key, int(delivery["attempts"]), error, now)
        await self.db.write("delivery/record_sent", key=key, now=now)
        return PassOutcome(sent=1)

    async def _record_failure(
        self, key: str, attempts: int, error: SendFailed, now: datetime
    ) -> PassOutcome:
        backoff = min(
            self.settings.backoff_s * 2 ** max(attempts - 1, 0), self.settings.backoff_max_s
        )
        rows = await self.db.write(
            "delivery/record_failure",
            key=key,
            now=now,
            error=error.reason,
            permanent=error.permanent,
            retry_at=now + timedelta(seconds=backoff),
            max_attempts=self.settings.max_attempts,
        )
        log.warning("delivery %s attempt %d failed: %s", key, attempts, error.reason)
        return PassOutcome(failed=1) if rows[0]["status"] == "failed" else PassOutcome(retrying=1)

    async def run_once(self, now: datetime | None = None) -> PassOutcome:
        """Plans, opens digests and delivers until nothing more is due (at `now`, a fixed moment
        for tests and replays, or at the clock's time of each batch)."""
        moment = now or self.clock()
        outcome = PassOutcome(
            planned=await self.plan(moment), digests=await self.open_digests(moment)
        )
        while not (batch := await self.deliver_due(moment)).idle:
            outcome += batch
            moment = now or self.clock()
        return outcome

    async def run(self, stop: asyncio.Event) -> None:
        """Passes every `interval_s` until `stop` is set; a pass that fails (Neo4j away) is
        logged and tried again at the next interval."""
        while not stop.is_set():
            try:
                outcome = await self.run_once()
                if not outcome.idle:
                    log.info("delivery pass: %s", outcome)
            except TalentGraphError as error:
                log.warning("delivery pass failed: %s", error.message)
            try:
                await asyncio.wait_for(stop.wait(), timeout=self.settings.interval_s)
            except TimeoutError:
                continue

    async def close(self) -> None:
        await asyncio.gather(*(sender.close() for sender in self.senders.values()))
