"""Errors from Neo4j reach the caller as talentgraph's typed errors."""

import pytest

from graph.database import ConnectionInfo, Database
from graph.errors import ConstraintViolation, DatabaseUnavailable, QueryError
from tests.factories import OrgFactory


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
