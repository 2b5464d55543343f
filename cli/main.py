"""`talentgraph`: run the local Neo4j, migrate, import, seed, serve and issue tokens."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import timedelta
from typing import Annotated

import typer

from cli.common import fail, run_with_database
from cli.delivery import notifications_app
from cli.idp import idp_app
from cli.imports import commands as import_commands
from cli.sdl import schema_app
from cli.surveys import surveys_app
from cli.workflow import approvals_app, gigs_app
from graph.connection import ServerRole, local_server
from graph.database import quiet_expected_retries
from graph.errors import TalentGraphError
from graph.migrate import apply_schema
from graph.settings import service_settings
from resolvers.identity import issue_token

app = typer.Typer(
    no_args_is_help=True,
    help="talentgraph: an internal talent marketplace.",
    callback=quiet_expected_retries,
)
neo4j_app = typer.Typer(no_args_is_help=True, help="The project's own local Neo4j server.")
db_app = typer.Typer(no_args_is_help=True, help="The graph's schema and contents.")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(db_app, name="db")
app.add_typer(idp_app, name="idp")
app.add_typer(import_commands)
app.add_typer(schema_app, name="schema")
app.add_typer(approvals_app, name="approvals")
app.add_typer(gigs_app, name="gigs")
app.add_typer(notifications_app, name="notifications")
app.add_typer(surveys_app, name="surveys")


RoleOption = Annotated[
    ServerRole,
    typer.Option(
        "--for", help="Whose server: the service's (demo data), the tests' or the benchmarks'."
    ),
]


@neo4j_app.command("start")
def neo4j_start(role: RoleOption = "service") -> None:
    """Start the local Neo4j in the background (reusing one that runs) and wait for Bolt."""
    server = local_server(role)
    began = time.monotonic()
    try:
        status = server.start()
    except TalentGraphError as error:
        raise fail(error.message) from None
    typer.echo(f"Neo4j {server.config.version} running (pid {status.pid}) "
               f"after {time.monotonic() - began:.1f}s")  # fmt: skip
    typer.echo(f"  Bolt:    {status.bolt_uri}")
    typer.echo(f"  Browser: {status.browser_url}  (user neo4j, password in {server.password_file})")


@neo4j_app.command("stop")
def neo4j_stop(role: RoleOption = "service") -> None:
    """Stop the local Neo4j."""
    typer.echo("stopped" if local_server(role).stop() else "not running")


@neo4j_app.command("status")
def neo4j_status(role: RoleOption = "service") -> None:
    """Say whether the local Neo4j runs, and where."""
    status = local_server(role).status()
    if not status.running:
        typer.echo("not running")
        raise typer.Exit(code=3)
    typer.echo(f"running (pid {status.pid}) at {status.bolt_uri}, Browser {status.browser_url}")


@neo4j_app.command("env")
def neo4j_env(role: RoleOption = "service") -> None:
    """Print `export NEO4J_...` lines for a shell or a script: eval "$(talentgraph neo4j env)"."""
    try:
        lines = local_server(role).env_lines()
    except TalentGraphError as error:
        raise fail(error.message) from None
    typer.echo("\n".join(lines))


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply the constraints and indexes (idempotent)."""
    applied = run_with_database(apply_schema)
    typer.echo(f"schema in place ({len(applied)} statements)")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind.")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per CPU core).", min=1)
    ] = None,
) -> None:
    """Serve the GraphQL API under uvicorn, one worker process per core: the service keeps no
    state between requests, so the workers share nothing but Neo4j. JSON log lines in
    production, readable ones in development, one line per request; with several workers their
    metrics are summed through PROMETHEUS_MULTIPROC_DIR (a fresh folder unless set)."""
    import uvicorn

    from service.observability import log_config

    try:
        settings = service_settings()
    except TalentGraphError as error:
        raise fail(error.message) from None
    processes = workers or os.cpu_count() or 1
    if processes > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # set before the workers start (and import prometheus_client): each writes its figures
        # there and /metrics sums them
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="talentgraph-metrics-")
    uvicorn.run(
        "service.app:create_served_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=processes,
        # A worker builds the schema before it answers the supervisor's health checks; on a
        # loaded machine that takes longer than uvicorn's 5 s, which would restart it forever.
        timeout_worker_healthcheck=120,
        log_config=log_config(settings),
        log_level=settings.log_level.lower(),
        access_log=False,
    )


@app.command()
def token(
    person: Annotated[str, typer.Option(help="The person id the token speaks for.")],
    role: Annotated[list[str] | None, typer.Option(help="Extra role: hr or admin.")] = None,
) -> None:
    """Print a bearer token, for development and scripts."""
    try:
        settings = service_settings()
        ttl = timedelta(hours=settings.token_ttl_hours)
        typer.echo(issue_token(person, role or [], settings.secret.get_secret_value(), ttl))
    except TalentGraphError as error:
        raise fail(error.message) from None
