"""Requests a careless or hostile client sends: a body that is JSON but not an object, bytes that
are not UTF-8, media types in odd case or with a suffix, bodies too large. Each gets a 4xx with a
JSON error carrying `extensions.code`, never a 500 or a stack trace."""

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

VIEWER = b'{"query": "{ viewer { roles } }"}'


@pytest.fixture(autouse=True)
async def viewer(db: Database) -> None:
    """P1, the active person every request here is sent as."""
    await OrgFactory().department("D1").person("P1", "D1").load(db)


def post(client: httpx.AsyncClient, body: bytes, content_type: str = "application/json") -> object:
    return client.post(
        "/graphql", content=body, headers=auth("P1") | {"Content-Type": content_type}
    )


def code_of(response: httpx.Response) -> str:
    [error] = response.json()["errors"]
    return str(error["extensions"]["code"])


@pytest.mark.parametrize("body", [b'"query"', b"42", b"true", b"null", b"[]", b"3.5e9"])
async def test_json_that_is_not_an_object_is_a_bad_request(
    client: httpx.AsyncClient, body: bytes
) -> None:
    response = await client.post(
        "/graphql", content=body, headers=auth("P1") | {"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert code_of(response) == "BAD_REQUEST"
    assert "must be a JSON object" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("body", [b"\xff\xfe{}", b'{"query": "{ viewer { roles } }\xc3"}'])
async def test_a_body_that_is_not_utf8_is_a_bad_request(
    client: httpx.AsyncClient, body: bytes
) -> None:
    response = await client.post(
        "/graphql", content=body, headers=auth("P1") | {"Content-Type": "application/json"}
    )
    assert (response.status_code, code_of(response)) == (400, "BAD_REQUEST")
    assert response.json()["errors"][0]["message"] == "the request body is not UTF-8 text"


@pytest.mark.parametrize(
    "content_type",
    ["APPLICATION/JSON", "Application/Json; charset=UTF-8", "application/json;charset=utf-8"],
)
async def test_media_types_match_in_any_case_with_parameters(
    client: httpx.AsyncClient, db: Database, content_type: str
) -> None:
    response = await client.post(
        "/graphql", content=VIEWER, headers=auth("P1") | {"Content-Type": content_type}
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"viewer": {"roles": ["employee"]}}


@pytest.mark.parametrize(
    "content_type", ["application/jsonx", "text/plain; x=application/json", "application/json5"]
)
async def test_media_types_that_merely_contain_json_are_refused(
    client: httpx.AsyncClient, content_type: str
) -> None:
    response = await client.post(
        "/graphql", content=VIEWER, headers=auth("P1") | {"Content-Type": content_type}
    )
    assert (response.status_code, code_of(response)) == (415, "UNSUPPORTED_MEDIA_TYPE")


async def test_an_accept_header_that_merely_contains_json_is_not_acceptable(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql",
        content=VIEWER,
        headers=auth("P1") | {"Content-Type": "application/json", "Accept": "application/jsonx"},
    )
    assert (response.status_code, code_of(response)) == (406, "NOT_ACCEPTABLE")


async def test_refusals_and_graphql_errors_all_carry_a_code(client: httpx.AsyncClient) -> None:
    no_token = await client.post("/graphql", content=VIEWER)
    syntax = await client.post("/graphql", json={"query": "{ viewer { "}, headers=auth("P1"))
    unknown = await client.post("/graphql", json={"query": "{ nope }"}, headers=auth("P1"))

    assert (no_token.status_code, code_of(no_token)) == (401, "UNAUTHENTICATED")
    assert code_of(syntax) == "GRAPHQL_PARSE_FAILED"
    assert code_of(unknown) == "GRAPHQL_VALIDATION_FAILED"


@pytest.fixture
async def small_bodies(
    db: Database, neo4j_connection: ConnectionInfo
) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(secret=TEST_SECRET, max_body_bytes=10_000)
    app = create_app(settings, neo4j_connection)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


async def test_a_body_over_the_limit_is_refused_with_413_before_it_is_parsed(
    small_bodies: httpx.AsyncClient, db: Database
) -> None:
    query = (
        "mutation($r: String) { withdrawApplication(applicationId: $r, reason: $r) { __typename } }"
    )
    body = {"query": query, "variables": {"r": "x" * 20_000}}

    declared = await small_bodies.post("/graphql", json=body, headers=auth("P1"))

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(30):
            yield b" " * 1_000
        yield VIEWER

    streamed = await small_bodies.post(
        "/graphql",
        content=chunks(),
        headers=auth("P1") | {"Content-Type": "application/json"},
    )
    fits = await small_bodies.post("/graphql", content=VIEWER, headers=auth("P1") | {
        "Content-Type": "application/json"})  # fmt: skip

    assert (declared.status_code, code_of(declared)) == (413, "BODY_TOO_LARGE")
    assert "larger than 10,000 bytes" in declared.json()["errors"][0]["message"]
    assert (streamed.status_code, code_of(streamed)) == (413, "BODY_TOO_LARGE")
    assert fits.status_code == 200
