"""A token is only as good as the person behind it: a leaver's token, a token for an id that is
no person, a token for a hundred years are refused; a websocket session ends with its token."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from starlette.types import ASGIApp

from graph.database import Database
from resolvers.identity import issue_token
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory
from tests.support.notifications import SUBSCRIPTION, WebSocketSession

DIRECTORY = "{ people(first: 5) { edges { node { id email } } } }"
CREATE_GIG = """mutation { createGig(input: {title: "Side job", type: PROJECT, departmentId: "D1"})
  { result { __typename } } }"""
EDIT = 'mutation { updateProfile(input: {title: "CEO"}) { result { __typename } } }'
ANALYTICS = '{ analytics(period: {from: "2026-01-01", to: "2026-06-30"}) { __typename } }'


async def org_with_a_leaver(db: Database) -> None:
    await (
        OrgFactory().department("D1").person("STAY", "D1", name="Stay Here")
        .person("LEFT", "D1", name="Left Already").load(db)
    )  # fmt: skip
    await db.write("imports/deactivate_missing_people", ids=["STAY"])


async def ask(client: httpx.AsyncClient, query: str, headers: dict[str, str]) -> httpx.Response:
    return await client.post("/graphql", json={"query": query}, headers=headers)


@pytest.mark.parametrize("query", [DIRECTORY, CREATE_GIG, EDIT])
async def test_a_leavers_token_reads_and_changes_nothing(
    db: Database, client: httpx.AsyncClient, query: str
) -> None:
    await org_with_a_leaver(db)
    before = await db.read("imports/graph_snapshot")

    response = await ask(client, query, auth("LEFT"))

    assert response.status_code == 403
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN_VIEWER"
    assert "'LEFT' is not an active person" in error["message"]
    assert "data" not in response.json()
    assert await db.read("imports/graph_snapshot") == before


@pytest.mark.parametrize("query", [DIRECTORY, ANALYTICS])
async def test_a_token_for_an_id_that_is_no_person_is_refused_even_with_hr(
    db: Database, client: httpx.AsyncClient, query: str
) -> None:
    await org_with_a_leaver(db)

    response = await ask(client, query, auth("NOBODY", "hr"))

    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN_VIEWER"


async def test_an_active_persons_token_still_works(db: Database, client: httpx.AsyncClient) -> None:
    await org_with_a_leaver(db)
    response = await ask(client, DIRECTORY, auth("STAY"))
    assert response.status_code == 200
    assert [e["node"]["id"] for e in response.json()["data"]["people"]["edges"]] == ["STAY"]


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"exp": timedelta(days=365 * 100)}, id="a hundred years"),
        pytest.param({"exp": timedelta(hours=25)}, id="longer than the maximum"),
        pytest.param({"exp": timedelta(hours=1), "iat": None}, id="no issue time"),
    ],
)
async def test_tokens_that_live_too_long_or_say_not_when_they_began_are_refused(
    db: Database, client: httpx.AsyncClient, claims: dict[str, timedelta | None]
) -> None:
    await org_with_a_leaver(db)
    now = datetime.now(UTC)
    payload: dict[str, object] = {"sub": "STAY", "roles": ["employee"], "iat": now}
    payload["exp"] = now + (claims["exp"] or timedelta())
    if "iat" in claims:
        del payload["iat"]
    token = jwt.encode(payload, TEST_SECRET, algorithm="HS256")

    response = await ask(client, DIRECTORY, {"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_websocket_session_ends_when_its_token_expires(
    db: Database,
    app: ASGIApp,
) -> None:
    await org_with_a_leaver(db)
    token = issue_token("STAY", [], TEST_SECRET, timedelta(seconds=2))

    async with WebSocketSession(app) as ws:
        await ws.send({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        assert await ws.receive() == {"type": "connection_ack"}
        await ws.send({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
        messages = [await ws.receive()]
        while "closed" not in messages[-1]:
            messages.append(await ws.receive())

    assert messages[-1] == {"closed": 4401}


async def test_a_leaver_cannot_open_a_websocket_session(
    db: Database,
    app: ASGIApp,
) -> None:
    await org_with_a_leaver(db)
    async with WebSocketSession(app) as ws:
        await ws.send({"type": "connection_init", "payload": auth("LEFT")})
        assert await asyncio.wait_for(ws.receive(), 30) == {"closed": 4403}
