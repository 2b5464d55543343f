"""`talentgraph approvals` and `talentgraph gigs`: the gig lifecycle's scheduled work, for cron or
a Kubernetes CronJob. Both are idempotent: run them as often as you like."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from cli.common import fail, run_with_database
from graph.database import Database
from graph.errors import TalentGraphError
from graph.settings import PolicySettings
from resolvers.gigs import start_due_gigs
from resolvers.records.gigs import GigRecord
from resolvers.workflow.approvals import OverdueOutcome, check_as_of, process_overdue_approvals

approvals_app = typer.Typer(no_args_is_help=True, help="Manager approvals of gig applications.")
gigs_app = typer.Typer(no_args_is_help=True, help="The scheduled steps of a gig's lifecycle.")

NowOption = Annotated[
    datetime | None,
    typer.Option(
        help="The moment to act at (ISO 8601, UTC when no offset); default: now. A moment in the "
        "future only where TALENTGRAPH_POLICY_ALLOW_FUTURE_NOW is set.",
        formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S"],
    ),
]


def _moment(now: datetime | None, policy: PolicySettings) -> datetime:
    try:
        return check_as_of(
            (now if now.tzinfo else now.replace(tzinfo=UTC)) if now else None, policy
        )
    except TalentGraphError as error:
        raise fail(error.message) from None


@approvals_app.command("process-overdue")
def process_overdue(now: NowOption = None) -> None:
    """Escalate or auto-approve approvals nobody answered within the policy's timeout."""
    policy = PolicySettings()
    moment = _moment(now, policy)

    async def work(db: Database) -> OverdueOutcome:
        return await process_overdue_approvals(db, None, moment, policy)

    outcome = run_with_database(work)
    for row in outcome.escalated:
        typer.echo(f"escalated {row['id']} to {row['approver_id']}")
    for row in outcome.auto_approved:
        typer.echo(f"approved {row['id']} automatically")
    typer.echo(
        f"{len(outcome.escalated)} escalated, {len(outcome.auto_approved)} approved automatically"
    )


@gigs_app.command("start-due")
def start_due(now: NowOption = None) -> None:
    """Move filled gigs whose start date has come (or that have none) to in progress."""
    moment = _moment(now, PolicySettings())

    async def work(db: Database) -> list[GigRecord]:
        return await start_due_gigs(db, moment)

    started = run_with_database(work)
    for gig in started:
        typer.echo(f"started {gig.id} ({gig.title})")
    typer.echo(f"{len(started)} gig(s) started")
