"""`talentgraph idp`: the project's own OpenID Connect provider (Keycloak), like `neo4j`."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from cli.common import fail
from graph.connection import IdpRole, local_keycloak
from graph.errors import TalentGraphError
from graph.local_keycloak import REALM, KeycloakAdmin
from graph.settings import KeycloakSettings

DEMO_PASSWORD = "talentgraph-demo"  # the demo organisation's sign-in password, printed by `demo`

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


def demo_identity_provider() -> KeycloakAdmin | None:
    """The Keycloak to enrol the demo people with: `TALENTGRAPH_KEYCLOAK_URL` (compose), else the
    local one when it runs, else none."""
    settings = KeycloakSettings()
    if settings.url:
        password = settings.admin_password.get_secret_value() if settings.admin_password else ""
        return KeycloakAdmin(settings.url, password)
    server = local_keycloak()
    return server.admin() if server.status().running else None


def enrol_demo_people(admin: KeycloakAdmin, people: list[tuple[dict[str, str], list[str]]]) -> None:
    """Enrols each demo person (with their groups) and prints how to sign in as them."""
    typer.echo(f"\nSign in with the identity provider ({admin.base_url}/realms/{REALM}):")
    for person, groups in people:
        first, _, last = person["name"].partition(" ")
        try:
            admin.add_user(person["email"], first, last or first, DEMO_PASSWORD, groups)
        except TalentGraphError as error:
            raise fail(error.message) from None
        role = f" ({', '.join(groups)})" if groups else ""
        typer.echo(f"  {person['email']} / {DEMO_PASSWORD}{role}")
