"""`talentgraph approvals`: the gig lifecycle's scheduled work, for cron or a Kubernetes CronJob."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from cli.common import fail, run_with_database
from graph.database import Database
from graph.errors import TalentGraphError
from graph.settings import PolicySettings
from resolvers.workflow.approvals import OverdueOutcome, check_as_of, process_overdue_approvals

approvals_app = typer.Typer(no_args_is_help=True, help="Manager approvals of gig applications.")


@approvals_app.command("process-overdue")
def process_overdue(
    now: Annotated[
        datetime | None,
        typer.Option(
            help="The moment to judge overdue by (ISO 8601, UTC when no offset); default: now.",
            formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S"],
        ),
    ] = None,
) -> None:
    """Escalate or auto-approve approvals nobody answered within the policy's timeout.
    Idempotent: run it as often as you like."""
    policy = PolicySettings()
    try:
        moment = check_as_of(
            (now if now.tzinfo else now.replace(tzinfo=UTC)) if now else None, policy
        )
    except TalentGraphError as error:
        raise fail(error.message) from None

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
