"""`talentgraph idp`: the project's own OpenID Connect provider (Keycloak), like `neo4j`."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from cli.common import fail
from graph.connection import IdpRole, local_keycloak
from graph.errors import TalentGraphError

idp_app = typer.Typer(
    no_args_is_help=True, help="The project's own OpenID Connect provider (Keycloak)."
)

IdpRoleOption = Annotated[
    IdpRole, typer.Option("--for", help="Whose provider: the service's (demo) or the tests'.")
]


@idp_app.command("start")
def idp_start(role: IdpRoleOption = "service") -> None:
    """Start Keycloak in the background (reusing one that runs), with the talentgraph realm."""
    server = local_keycloak(role)
    began = time.monotonic()
    try:
        status = server.start()
    except TalentGraphError as error:
        raise fail(error.message) from None
    typer.echo(f"Keycloak {server.config.version} running (pid {status.pid}) "
               f"after {time.monotonic() - began:.1f}s")  # fmt: skip
    typer.echo(f"  export TALENTGRAPH_OIDC_ISSUER={status.issuer}")
    typer.echo(f"  Admin console: {server.base_url}/admin/  (user admin, password in "
               f"{server.admin_password_file})")  # fmt: skip


@idp_app.command("stop")
def idp_stop(role: IdpRoleOption = "service") -> None:
    """Stop the local Keycloak."""
    typer.echo("stopped" if local_keycloak(role).stop() else "not running")


@idp_app.command("status")
def idp_status(role: IdpRoleOption = "service") -> None:
    """Say whether the local Keycloak runs, and its issuer."""
    status = local_keycloak(role).status()
    if not status.running:
        typer.echo("not running")
        raise typer.Exit(code=3)
    typer.echo(f"running (pid {status.pid}), issuer {status.issuer}")
