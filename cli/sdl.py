"""The schema as SDL, committed as `schema.graphql` at the repository root so frontend teams
(codegen, review) see every change of the API in a diff. `talentgraph schema export` writes it;
a test fails when the code and the committed file differ."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from schema import schema

SDL_FILE = Path("schema.graphql")
"""In the folder the command runs in: the repository root in a checkout."""
EXPORT_COMMAND = "talentgraph schema export"

schema_app = typer.Typer(no_args_is_help=True, help="The GraphQL schema as SDL.")


def sdl() -> str:
    return schema.as_str() + "\n"


@schema_app.command("export")
def export(
    output: Annotated[Path, typer.Option(help="Where to write the SDL.")] = SDL_FILE,
    check: Annotated[
        bool, typer.Option(help="Only check that the file is up to date (exit 1 if not).")
    ] = False,
) -> None:
    """Write the schema's SDL (by default to schema.graphql in this folder)."""
    text = sdl()
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            typer.secho(f"{output} is out of date: run `{EXPORT_COMMAND}`", err=True)
            raise typer.Exit(code=1)
        typer.echo(f"{output} is up to date")
        return
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}")
