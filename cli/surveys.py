"""`talentgraph surveys`: the pulse surveys' scheduled work, for cron or a Kubernetes CronJob."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from cli.common import run_with_database
from graph.database import Database
from graph.migrate import refresh_pulse_tallies
from resolvers.surveys.pulses import OpenedRound, open_rounds

surveys_app = typer.Typer(no_args_is_help=True, help="Pulse surveys.")


@surveys_app.command("open-rounds")
def open_survey_rounds(
    now: Annotated[
        datetime | None,
        typer.Option(
            help="The moment the rounds open (ISO 8601, UTC when no offset); default: now.",
            formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S"],
        ),
    ] = None,
) -> None:
    """Open this quarter's round of every quarterly survey and notify everyone invited.
    Idempotent: a second run in the same quarter opens nothing."""
    moment = (now if now.tzinfo else now.replace(tzinfo=UTC)) if now else datetime.now(UTC)

    async def work(db: Database) -> list[OpenedRound]:
        return await open_rounds(db, None, moment)

    opened = run_with_database(work)
    for survey_round in opened:
        typer.echo(
            f"opened {survey_round.survey_id} for {survey_round.period}: "
            f"{survey_round.invited} invited"
        )
    typer.echo(f"{len(opened)} round(s) opened")


@surveys_app.command("rebuild-tallies")
def rebuild_tallies() -> None:
    """Compute every survey group's tally (answers, sums, promoters and detractors per question,
    which the analytics read) again from its per-question counters. Idempotent: a second run
    writes the same figures. `talentgraph db migrate` computes the missing ones already."""

    async def work(db: Database) -> int:
        keys = (await db.read("surveys/group_keys", untallied_only=False))[0]["keys"]
        return await refresh_pulse_tallies(db, keys)

    typer.echo(f"{run_with_database(work)} survey group(s) tallied")
