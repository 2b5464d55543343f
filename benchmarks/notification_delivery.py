"""Notifications delivered per second to a local SMTP server, with 10,000 pending.

    python -m benchmarks.notification_delivery [--people 10000] [--notifications 10000]

Each run writes the notifications at once (the workflow's own `workflow/notify`, one per person
in turn, all instant rejections), then times the worker from the first plan to the last `sent`
record: planning the 10,000 `Delivery` jobs, claiming them in batches, rendering each e-mail
(text, HTML), sending it and recording it. The SMTP server is aiosmtpd's sink in its own process
on 127.0.0.1. Three runs of the same work: the baseline opens a new SMTP connection per message,
one message at a time; then a new connection per message with the worker's concurrency; then the
default, connections kept open and reused. Each run's notifications and deliveries are removed
afterwards, so the benchmarks' graph is left as it was.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from benchmarks.common import bench_database, ensure_generated_org
from delivery.messages import Renderer
from delivery.outbox import DeliveryWorker, senders_from_settings
from graph.database import Database
from graph.settings import DeliverySettings, SmtpSettings

SECRET = "benchmark-secret-for-unsubscribe-links-only"


@contextmanager
def sink_server() -> Iterator[int]:
    """aiosmtpd's sink (accepts and drops every message) in its own process; yields its port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
         "-c", "aiosmtpd.handlers.Sink"],
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait()


async def one_run(
    db: Database, people: list[str], count: int, port: int, *, reuse: bool, concurrency: int
) -> float:
    now = datetime.now(UTC)
    notices = [
        {
            "person_id": people[n % len(people)],
            "kind": "rejected",
            "message": f"You were not selected for the benchmark gig (#{n})",
            "gig_id": "benchmark",
            "application_id": None,
            "engagement_id": None,
        }
        for n in range(count)
    ]
    await db.write("workflow/notify", notifications=notices, now=now)
    settings = DeliverySettings(batch_size=500, concurrency=concurrency)
    smtp = SmtpSettings(host="127.0.0.1", port=port, connections=min(4, concurrency))
    senders = senders_from_settings(settings, smtp, reuse_connections=reuse)
    worker = DeliveryWorker(db, settings, senders, Renderer(settings, SECRET))
    try:
        began = time.perf_counter()
        outcome = await worker.run_once()
        seconds = time.perf_counter() - began
    finally:
        await worker.close()
        await db.write_in_batches("delivery/delete_notifications_at", created_at=now)
    if outcome.sent != count or outcome.retrying or outcome.failed:
        raise SystemExit(f"expected {count} sent, got {outcome}")
    return seconds


async def run(people_count: int, notifications: int) -> None:
    async with bench_database() as db:
        await ensure_generated_org(db, people_count)
        rows = await db.read("delivery/people_to_notify", limit=people_count)
        people = [row["id"] for row in rows]
        print(
            f"notification_delivery: {notifications:,} pending notifications for "
            f"{len(people):,} people, e-mail to aiosmtpd's sink on 127.0.0.1"
        )
        with sink_server() as port:
            variants = [
                ("new connection per message, one at a time", False, 1),
                ("new connection per message, 8 at a time", False, 8),
                ("4 connections kept open, 8 at a time", True, 8),
            ]
            baseline: float | None = None
            for label, reuse, concurrency in variants:
                seconds = await one_run(
                    db, people, notifications, port, reuse=reuse, concurrency=concurrency
                )
                rate = notifications / seconds
                baseline = baseline or rate
                print(
                    f"  {label:<44} {seconds:7.2f} s {rate:9.1f} notifications/s"
                    f"   x{rate / baseline:5.2f} vs the baseline",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--notifications", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(run(args.people, args.notifications))


if __name__ == "__main__":
    main()
