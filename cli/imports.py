"""`talentgraph import taxonomy|org`, `talentgraph seed`, `talentgraph demo`, `talentgraph skill`:
filling the graph from the taxonomy, HRIS exports and the demo generator."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from cli.common import fail, run_with_database
from cli.idp import demo_identity_provider, enrol_demo_people
from graph.connection import local_server
from graph.database import Database
from graph.errors import TalentGraphError
from graph.migrate import apply_schema
from graph.settings import Neo4jSettings, service_settings
from resolvers.identity import issue_token
from resolvers.skills import search_skills
from resolvers.surveys.pulses import open_rounds
from seed.generate import default_gigs
from seed.loader import PhaseResult, ProgressCallback
from seed.org_import import ImportInvalid
from seed.pipeline import (
    ensure_taxonomy,
    generate_to_dir,
    graph_counts,
    import_org_dir,
    import_taxonomy,
    seed_org,
)
from seed.taxonomy import DEFAULT_TAXONOMY, read_taxonomy

commands = typer.Typer(no_args_is_help=True)
import_app = typer.Typer(no_args_is_help=True, help="Import the skills taxonomy or an HRIS export.")
commands.add_typer(import_app, name="import")

console = Console(stderr=True)


@contextmanager
def progress_bar() -> Iterator[ProgressCallback]:
    """A rich progress bar with one line per import phase, shown from the first batch written
    (so validation errors print alone)."""
    tasks: dict[str, TaskID] = {}
    progress = Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )

    def update(phase: str, done: int, total: int) -> None:
        if not tasks:
            progress.start()
        if phase not in tasks:
            tasks[phase] = progress.add_task(phase, total=total)
        progress.update(tasks[phase], completed=done)

    try:
        yield update
    finally:
        if tasks:
            progress.stop()


def summary(results: list[PhaseResult]) -> None:
    typer.echo(", ".join(f"{r.rows:,} {r.phase}" for r in results if r.rows))


def report_invalid(error: ImportInvalid) -> typer.Exit:
    for issue in error.issues:
        typer.secho(str(issue), fg=typer.colors.RED, err=True)
    return fail(f"{len(error.issues)} problem(s); nothing was written")


@import_app.command("taxonomy")
def import_taxonomy_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="A derived taxonomy folder (seed/taxonomy) or ESCO CSVs to derive from."
        ),
    ] = DEFAULT_TAXONOMY,
) -> None:
    """Load skills, their hierarchy and adjacency; skills the taxonomy no longer has are
    deprecated, never deleted."""

    async def work(db: Database) -> list[PhaseResult]:
        await apply_schema(db)
        with progress_bar() as progress:
            return await import_taxonomy(db, path, progress)

    try:
        summary(run_with_database(work))
    except FileNotFoundError as error:
        raise fail(str(error)) from None


@import_app.command("org")
def import_org_command(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Folder with the export's CSV files.", exists=True, file_okay=False, readable=True
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate only; write nothing.")
    ] = False,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="people.csv is not a full export: do not mark the people it lacks inactive.",
        ),
    ] = False,
    allow_mass_deactivation: Annotated[
        bool,
        typer.Option(
            "--allow-mass-deactivation",
            help="Mark the people a full export lacks inactive even when they are more than "
            "TALENTGRAPH_IMPORT_MAX_DEACTIVATION_PCT of the active people.",
        ),
    ] = False,
) -> None:
    """Validate an HRIS export (all of it, against the graph too) and load it in batches."""

    async def work(db: Database) -> None:
        await apply_schema(db)
        try:
            with progress_bar() as progress:
                org, results = await import_org_dir(
                    db,
                    folder,
                    dry_run=dry_run,
                    full_export=not partial,
                    allow_mass_deactivation=allow_mass_deactivation,
                    progress=progress,
                )
        except ImportInvalid as error:
            raise report_invalid(error) from None
        if dry_run:
            typer.echo(
                f"valid: {len(org.departments):,} departments, {len(org.people):,} people, "
                f"{len(org.person_skills):,} person skills, {len(org.gigs):,} gigs; nothing written"
            )
        else:
            summary(results)

    run_with_database(work)


@commands.command()
def seed(
    people: Annotated[int, typer.Option(min=1, max=100_000, help="Headcount.")],
    gigs: Annotated[
        int | None, typer.Option(min=0, help="Historic gigs (default: one per ten people).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed; same seed, same org.")] = 7,
    out: Annotated[
        Path | None,
        typer.Option(help="Only write the HRIS export to this folder.", file_okay=False),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(help="Day the history counts back from (YYYY-MM-DD; default today)."),
    ] = None,
) -> None:
    """Generate a believable organisation (plus the 25 market gigs) and import it, or write it."""
    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise typer.BadParameter(
            f"{as_of!r} is not a YYYY-MM-DD date", param_hint="--as-of"
        ) from None
    if out is not None:
        org = generate_to_dir(read_taxonomy(), out, people=people, gigs=gigs, seed=seed, as_of=day)
        typer.echo(
            f"wrote {len(org.people):,} people, {len(org.gigs):,} gigs and "
            f"{len(org.person_skills):,} person skills to {out}"
        )
        return

    async def work(db: Database) -> list[PhaseResult]:
        await apply_schema(db)
        with progress_bar() as progress:
            return (
                await seed_org(
                    db, people=people, gigs=gigs, seed=seed, as_of=day, progress=progress
                )
            )[1]

    try:
        summary(run_with_database(work))
    except ImportInvalid as error:
        raise report_invalid(error) from None


@commands.command()
def demo(
    people: Annotated[int, typer.Option(min=1, max=100_000, help="Headcount to seed.")] = 2000,
) -> None:
    """Seed the service's graph if it is empty, then print tokens and URLs to try it."""

    async def work(db: Database) -> tuple[dict[str, str], dict[str, str]]:
        await apply_schema(db)
        if (await graph_counts(db)).empty:
            typer.echo(f"empty graph: importing the taxonomy and seeding {people:,} people")
            with progress_bar() as progress:
                await ensure_taxonomy(db, progress)
                await seed_org(db, people=people, gigs=default_gigs(people), progress=progress)
            opened = await open_rounds(db, None, datetime.now(UTC))
            typer.echo(f"opened this quarter's pulse surveys ({len(opened)} rounds)")
        else:
            typer.echo("the graph already holds data; leaving it as it is")
        rows = await db.read("imports/demo_people")
        if not rows:
            raise fail("the graph has no active people to issue tokens for")
        ids = [rows[0]["hr_id"], rows[0]["employee_id"]]
        found = {row["key"]: row["value"] for row in await db.read(
            "people/people_by_ids", ids=ids
        )}  # fmt: skip
        return found[ids[0]], found[ids[1]]

    try:
        settings = service_settings()
    except TalentGraphError as error:
        raise fail(error.message) from None
    hr, employee = run_with_database(work)
    hr_id, employee_id = hr["id"], employee["id"]
    base = f"http://{settings.host}:{settings.port}"
    if settings.hs256_enabled:
        ttl = timedelta(hours=settings.token_ttl_hours)
        secret = settings.secret.get_secret_value()
        typer.echo(f"\nHR token ({hr_id}):\n{issue_token(hr_id, ['hr'], secret, ttl)}")
        typer.echo(
            f"\nEmployee token ({employee_id}):\n{issue_token(employee_id, [], secret, ttl)}"
        )
        typer.echo("Send the header  Authorization: Bearer <token>")
    admin = demo_identity_provider()
    if admin is not None:
        enrol_demo_people(admin, [(hr, ["hr"]), (employee, [])])
    typer.echo(f"\nThe app, sign in as a demo person: {base}/")
    typer.echo(f"GraphQL (GraphiQL): {base}/graphql")
    if not Neo4jSettings().uri:
        server = local_server()
        status = server.status()
        if status.running:
            typer.echo(
                f"Neo4j Browser: {status.browser_url}  "
                f"(user neo4j, password in {server.password_file})"
            )


@commands.command()
def skill(
    name: Annotated[str, typer.Argument(help="A skill id, label or alias, or words to search.")],
    first: Annotated[int, typer.Option(min=1, help="How many search results.")] = 10,
) -> None:
    """Look a skill up by id, or search its names (ranked as the API: exact label first)."""

    async def work(db: Database) -> None:
        by_id = await db.read("skills/skills_by_ids", ids=[name])
        found = [row["value"] for row in by_id] or (await search_skills(db, name, first))[0]
        if not found:
            raise fail(f"no skill matches {name!r}")
        for row in found:
            show(row)

    run_with_database(work)


def show(skill: dict[str, object]) -> None:
    flags = [flag for flag in ("custom", "deprecated") if skill.get(flag)]
    extra = f"  [{', '.join(flags)}]" if flags else ""
    matched = skill.get("matched_name")
    via = f"  (matched {matched!r})" if matched and matched != skill["label"] else ""
    typer.echo(f"{skill['id']}  {skill['label']}{via}{extra}")
