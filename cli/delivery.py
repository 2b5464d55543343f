"""`talentgraph notifications`: the delivery worker, for a terminal, a systemd unit or cron."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime
from typing import Annotated

import typer

from cli.common import run_with_database
from delivery.messages import Renderer
from delivery.outbox import DeliveryWorker, PassOutcome, senders_from_settings
from graph.database import Database
from graph.settings import DeliverySettings, SmtpSettings, service_settings

notifications_app = typer.Typer(no_args_is_help=True, help="Notification delivery.")

NOW_FORMATS = ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S"]


def _report(outcome: PassOutcome) -> str:
    return (
        f"{outcome.planned} planned, {outcome.digests} digests, {outcome.sent} sent, "
        f"{outcome.retrying} to retry, {outcome.failed} failed"
    )


@notifications_app.command("deliver")
def deliver(
    once: Annotated[
        bool, typer.Option("--once", help="One pass: deliver what is due, then exit (for cron).")
    ] = False,
    now: Annotated[
        datetime | None,
        typer.Option(help="With --once: the moment to act at (ISO 8601, UTC when no offset).",
                     formats=NOW_FORMATS),
    ] = None,
) -> None:  # fmt: skip
    """Send notifications by e-mail and chat: plan each new notification's deliveries, open the
    daily digests, send what is due and retry what failed. Without --once it runs until stopped
    (SIGINT or SIGTERM), a pass every TALENTGRAPH_DELIVERY_INTERVAL_S seconds."""
    settings = DeliverySettings()
    moment = (now if now.tzinfo else now.replace(tzinfo=UTC)) if now else None

    async def work(db: Database) -> PassOutcome | None:
        senders = senders_from_settings(settings, SmtpSettings())
        worker = DeliveryWorker(
            db, settings, senders, Renderer(settings, service_settings().secret)
        )
        try:
            if once:
                return await worker.run_once(moment)
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            typer.echo(f"delivering as {worker.worker_id}; stop with Ctrl-C")
            await worker.run(stop)
            return None
        finally:
            await worker.close()

    outcome = run_with_database(work)
    if outcome is not None:
        typer.echo(_report(outcome))


@notifications_app.command("status")
def status() -> None:
    """How many deliveries are in each state."""

    async def work(db: Database) -> list[dict[str, object]]:
        return await db.read("delivery/delivery_counts")

    for row in run_with_database(work):
        typer.echo(f"{row['status']}: {row['deliveries']}")
