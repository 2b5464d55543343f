"""Errors from Neo4j reach the caller as talentgraph's typed errors."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace

import pytest

from graph.database import ConnectionInfo, Database, Transaction
from graph.errors import ConstraintViolation, DatabaseUnavailable, QueryError
from tests.support.factories import OrgFactory


async def test_a_duplicate_id_is_a_constraint_violation(db: Database, org: OrgFactory) -> None:
    await org.department("D1").person("P1", "D1").load(db)
    gig = {"id": "G1", "title": "Churn dashboard", "type": "project", "seats": 1}
    await db.write("gigs/create_gig", gig=gig, owner_id="P1", department_id="D1")

    with pytest.raises(ConstraintViolation, match="G1"):
        await db.write("gigs/create_gig", gig=gig, owner_id="P1", department_id="D1")

    rows = await db.read("gigs/gig_count")
    assert rows == [{"gigs": 1}]


async def test_an_unknown_query_name_is_a_query_error(db: Database) -> None:
    with pytest.raises(QueryError, match=r"cypher/people/nope\.cypher"):
        await db.read("people/nope")


async def test_an_unreachable_server_is_database_unavailable() -> None:
    db = Database.connect(ConnectionInfo("bolt://127.0.0.1:1", "neo4j", "x", max_retry_s=1.0))
    try:
        with pytest.raises(DatabaseUnavailable):
            await db.read("admin/ping")
    finally:
        await db.close()


async def test_a_deadlock_neo4j_gives_up_on_is_database_unavailable(
    db: Database, org: OrgFactory, neo4j_connection: ConnectionInfo
) -> None:
    """Two transactions lock two gigs in opposite order; Neo4j breaks the deadlock with a
    TransientError, and with no time left for the driver's retries the caller gets the typed
    error that says "try again"."""
    await (
        org.department("D1").person("P1", "D1").gig("G1", "P1", "D1").gig("G2", "P1", "D1").load(db)
    )
    impatient = Database.connect(replace(neo4j_connection, max_retry_s=0.0))
    both_hold_one = asyncio.Barrier(2)

    def locking(first: str, then: str) -> Callable[[Transaction], Awaitable[None]]:
        async def work(tx: Transaction) -> None:
            await tx.run("gigs/lock_gig", id=first)
            await both_hold_one.wait()
            await tx.run("gigs/lock_gig", id=then)

        return work

    try:
        outcomes = await asyncio.wait_for(
            asyncio.gather(
                impatient.in_write_transaction(locking("G1", "G2")),
                impatient.in_write_transaction(locking("G2", "G1")),
                return_exceptions=True,
            ),
            timeout=60,
        )
    finally:
        await impatient.close()

    refused = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    assert len(refused) == 1, outcomes
    assert isinstance(refused[0], DatabaseUnavailable)
    assert "Neo.TransientError.Transaction.DeadlockDetected" in refused[0].message
