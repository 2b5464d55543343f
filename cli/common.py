"""What every `talentgraph` command module shares: opening the database and failing cleanly."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer

from graph.connection import configured_connection
from graph.database import Database
from graph.errors import TalentGraphError

T = TypeVar("T")


def fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def run_with_database(work: Callable[[Database], Awaitable[T]]) -> T:
    """Opens the configured database, runs `work`, closes it; expected errors exit cleanly."""

    async def main() -> T:
        db = Database.connect(configured_connection())
        try:
            return await work(db)
        finally:
            await db.close()

    try:
        return asyncio.run(main())
    except TalentGraphError as error:
        raise fail(error.message) from None
