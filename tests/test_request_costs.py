"""One viewer cannot stall everyone: a document that asks for too much is refused before it is
validated, and a viewer who sends too many requests gets 429 with Retry-After while others go on."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph.database import ConnectionInfo, Database
from graph.settings import ServiceSettings
from service.app import create_app
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory

REPEATED = "{" + " viewer { roles }" * 400 + " }"
FRAGMENT_BOMB = (
    "{ viewer { ...A } } "
    "fragment A on Viewer { ...B ...B ...B ...B ...B } "
    "fragment B on Viewer { ...C ...C ...C ...C ...C } "
    "fragment C on Viewer { ...D ...D ...D ...D ...D } "
    "fragment D on Viewer { ...E ...E ...E ...E ...E } "
    "fragment E on Viewer { roles person { id name title } }"
)


async def people(db: Database) -> None:
    await OrgFactory().department("D1").person("P1", "D1").person("P2", "D1").load(db)


@pytest.mark.parametrize(
    ("query", "says"),
    [
        pytest.param(REPEATED, "'viewer' is asked for more than 5 times", id="one field 400 times"),
        pytest.param(FRAGMENT_BOMB, "more than 500 fields", id="fragments spreading fragments"),
    ],
)
async def test_a_document_that_asks_for_too_much_is_refused_unvalidated(
    client: httpx.AsyncClient, db: Database, query: str, says: str
) -> None:
    await people(db)
    response = await client.post("/graphql", json={"query": query}, headers=auth("P1"))

    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_LARGE"
    assert says in error["message"]


async def test_a_real_screens_query_is_not_too_large(
    client: httpx.AsyncClient, db: Database
) -> None:
    await people(db)
    query = """{ viewer { roles person { id name title department { id name } } }
      people(first: 20) { edges { node { id name title email location
        department { id name } manager { id name } skills { proficiency skill { id label } } } }
        pageInfo { hasNextPage endCursor } } }"""
    response = await client.post("/graphql", json={"query": query}, headers=auth("P1"))
    assert "errors" not in response.json(), response.json()


@pytest.fixture
async def strict(
    db: Database, neo4j_connection: ConnectionInfo
) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(secret=TEST_SECRET, rate_limit_per_minute=6, rate_limit_burst=3)
    app = create_app(settings, neo4j_connection)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


async def test_a_viewer_over_the_rate_gets_429_and_others_go_on(
    strict: httpx.AsyncClient, db: Database
) -> None:
    await people(db)
    body = {"query": "{ viewer { roles } }"}

    answers = [await strict.post("/graphql", json=body, headers=auth("P1")) for _ in range(4)]
    other = await strict.post("/graphql", json=body, headers=auth("P2"))

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert other.status_code == 200
