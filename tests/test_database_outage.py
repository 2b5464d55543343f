"""While Neo4j does not answer, clients learn it at once: 503 with Retry-After and the GraphQL
error UNAVAILABLE (not a 200 after the driver's half a minute of backoff), also while it is
starting up and holds connections without answering; within 2 s of it answering again reads and
writes succeed, though every pooled connection died with the outage."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph.database import ConnectionInfo, Database
from graph.settings import ServiceSettings
from service.app import create_app
from tests.support.api import auth
from tests.support.factories import OrgFactory
from tests.support.network_fault import CuttableRelay, relayed

READ = '{ person(id: "P1") { name } }'
WRITE = 'mutation { updateProfile(input: {title: "Analyst"}) { result { __typename } } }'


@pytest.fixture
async def through_relay(
    db: Database,
    neo4j_connection: ConnectionInfo,
    service_settings: ServiceSettings,
    request: pytest.FixtureRequest,
) -> AsyncIterator[tuple[CuttableRelay, httpx.AsyncClient]]:
    """The app talking to Neo4j through a relay; parametrised indirectly, settings to change."""
    await OrgFactory().department("D1").person("P1", "D1", name="Ada").load(db)
    settings = service_settings.model_copy(update=getattr(request, "param", {}))
    async with relayed(neo4j_connection) as (relay, connection):
        app = create_app(settings, connection)
        async with LifespanManager(app) as manager:
            transport = httpx.ASGITransport(app=manager.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://tg") as http:
                yield relay, http


async def ask(client: httpx.AsyncClient, query: str) -> httpx.Response:
    return await client.post("/graphql", json={"query": query}, headers=auth("P1"))


async def answered(client: httpx.AsyncClient, query: str, within_s: float = 2.0) -> httpx.Response:
    """The first answer that is not a 503, asking every 0.1 s for at most `within_s`."""
    async with asyncio.timeout(within_s):
        while True:
            response = await ask(client, query)
            if response.status_code != 503:
                return response
            await asyncio.sleep(0.1)


async def test_while_the_database_is_down_requests_get_503_and_retry_after(
    through_relay: tuple[CuttableRelay, httpx.AsyncClient],
) -> None:
    relay, client = through_relay
    assert (await ask(client, READ)).json()["data"] == {"person": {"name": "Ada"}}

    relay.sever()
    read, write, ready = await asyncio.gather(
        ask(client, READ), ask(client, WRITE), client.get("/readyz")
    )

    for response in (read, write):
        assert response.status_code == 503, response.text
        assert response.headers["retry-after"] == "2"
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "UNAVAILABLE"
        assert "try again later" in error["message"]
        assert "Traceback" not in response.text
    assert ready.status_code == 503
    assert ready.headers["retry-after"] == "2"


async def test_the_first_read_and_write_after_the_database_is_back_succeed(
    through_relay: tuple[CuttableRelay, httpx.AsyncClient],
) -> None:
    relay, client = through_relay
    warm = await asyncio.gather(*(ask(client, READ) for _ in range(8)))  # several pooled
    assert all(response.status_code == 200 for response in warm)

    relay.sever()
    assert (await ask(client, READ)).status_code == 503
    relay.restore()

    read = await answered(client, READ)
    write = await answered(client, WRITE)
    assert read.status_code == 200
    assert read.json()["data"] == {"person": {"name": "Ada"}}
    assert "errors" not in read.json()
    assert write.status_code == 200
    assert write.json()["data"]["updateProfile"]["result"]["__typename"] == "Person"
    assert (await client.get("/readyz")).status_code == 200


@pytest.mark.parametrize("through_relay", [{"db_connect_timeout_s": 60.0}], indirect=True)
async def test_a_database_still_starting_up_does_not_hold_requests(
    through_relay: tuple[CuttableRelay, httpx.AsyncClient],
) -> None:
    relay, client = through_relay
    relay.sever()
    assert (await ask(client, READ)).status_code == 503

    relay.hold()  # connections accepted, never answered: each would wait out its 60 s deadline
    async with asyncio.timeout(10):
        held = await asyncio.gather(*(ask(client, q) for q in (READ, WRITE) * 4))
    relay.restore()

    assert [response.status_code for response in held] == [503] * 8
    assert (await answered(client, WRITE)).json()["data"]["updateProfile"]["result"] == {
        "__typename": "Person"
    }
