"""GraphQL over HTTP: methods, media types, status codes, request errors, limits and masking."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from cli.sdl import EXPORT_COMMAND, SDL_FILE, sdl
from graph.database import ConnectionInfo, Database
from graph.settings import PROJECT_ROOT, ServiceSettings
from service.app import create_app
from tests.support.api import TEST_SECRET, auth, graphql
from tests.support.factories import OrgFactory

GRAPHQL_RESPONSE = "application/graphql-response+json"
QUERY = '{ person(id: "P1") { name } }'


@pytest.fixture
async def production(
    db: Database, neo4j_connection: ConnectionInfo
) -> AsyncIterator[httpx.AsyncClient]:
    """The app in production mode, with tight limits."""
    settings = ServiceSettings(
        secret=TEST_SECRET, mode="production", max_query_depth=3, max_aliases=2, max_tokens=40
    )
    app = create_app(settings, neo4j_connection)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


@pytest.fixture(autouse=True)
async def viewer(db: Database) -> None:
    """P1, the active person the requests here are sent as."""
    await one_person(db)


async def one_person(db: Database) -> None:
    await OrgFactory().department("D1").person("P1", "D1", name="Ada").load(db)


async def test_queries_run_over_get_too(client: httpx.AsyncClient, db: Database) -> None:
    await one_person(db)

    response = await client.get("/graphql", params={"query": QUERY}, headers=auth("P1"))

    assert response.status_code == 200
    assert response.json()["data"] == {"person": {"name": "Ada"}}


async def test_a_response_is_compact_utf8_json_with_every_character_intact(
    client: httpx.AsyncClient, db: Database
) -> None:
    name = 'Zoë "Ångström" \\ 李 \u2028 🚀'
    await OrgFactory().department("D1").person("P1", "D1", name=name).load(db)

    response = await client.post("/graphql", json={"query": QUERY}, headers=auth("P1"))

    body = response.json()
    assert body["data"] == {"person": {"name": name}}
    assert response.headers["content-type"] == "application/json"
    assert response.content == json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


async def test_get_refuses_mutations(client: httpx.AsyncClient, db: Database) -> None:
    await one_person(db)
    mutation = 'mutation { updateProfile(input: {title: "x"}) { result { __typename } } }'

    response = await client.get("/graphql", params={"query": mutation}, headers=auth("P1"))

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json() == {
        "errors": [
            {
                "message": "mutations need POST; GET runs queries only",
                "extensions": {"code": "METHOD_NOT_ALLOWED"},
            }
        ]
    }
    body = await graphql(client, QUERY.replace("name", "title"), "P1")
    assert body["data"]["person"] == {"title": ""}


async def test_graphql_response_media_type_and_status(
    client: httpx.AsyncClient, db: Database
) -> None:
    await one_person(db)
    headers = auth("P1") | {"Accept": GRAPHQL_RESPONSE}

    ok = await client.post("/graphql", json={"query": QUERY}, headers=headers)
    invalid = await client.post("/graphql", json={"query": "{ nope }"}, headers=headers)
    legacy = await client.post("/graphql", json={"query": "{ nope }"}, headers=auth("P1"))

    assert ok.status_code == 200
    assert ok.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert invalid.status_code == 400
    assert invalid.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert "data" not in invalid.json()
    assert "nope" in invalid.json()["errors"][0]["message"]
    assert legacy.status_code == 200
    assert legacy.headers["content-type"].startswith("application/json")
    assert legacy.json()["data"] is None


async def test_requests_that_are_not_graphql(client: httpx.AsyncClient) -> None:
    headers = auth("P1")

    bad_json = await client.post(
        "/graphql", content=b"{not json", headers=headers | {"Content-Type": "application/json"}
    )
    no_query = await client.post("/graphql", json={"variables": {}}, headers=headers)
    text = await client.post(
        "/graphql", content=QUERY, headers=headers | {"Content-Type": "text/plain"}
    )
    xml_only = await client.post(
        "/graphql", json={"query": QUERY}, headers=headers | {"Accept": "application/xml"}
    )
    get_without_query = await client.get(
        "/graphql", headers=headers | {"Accept": "application/json"}
    )

    assert (bad_json.status_code, bad_json.json()) == (
        400,
        {
            "errors": [
                {
                    "message": "Unable to parse request body as JSON",
                    "extensions": {"code": "BAD_REQUEST"},
                }
            ]
        },
    )
    assert (no_query.status_code, no_query.json()) == (
        400,
        {
            "errors": [
                {
                    "message": "No GraphQL query found in the request",
                    "extensions": {"code": "BAD_REQUEST"},
                }
            ]
        },
    )
    assert text.status_code == 415
    assert text.json()["errors"][0]["message"] == "send GraphQL as application/json"
    assert xml_only.status_code == 406
    assert get_without_query.status_code == 400


async def test_limits_on_depth_aliases_and_tokens(production: httpx.AsyncClient) -> None:
    deep = '{ person(id: "P1") { manager { manager { manager { name } } } } }'
    aliases = "{ a: viewer { roles } b: viewer { roles } c: viewer { roles } }"
    long = "{ viewer { " + "roles " * 40 + "} }"

    results = {}
    for name, query in {"deep": deep, "aliases": aliases, "long": long}.items():
        # twice: the second time the query's validation comes from the cache, refused the same
        messages = set()
        for _ in range(2):
            response = await production.post("/graphql", json={"query": query}, headers=auth("P1"))
            assert response.status_code == 200
            messages.add(response.json()["errors"][0]["message"])
        [results[name]] = messages

    assert results["deep"] == "'anonymous' exceeds maximum operation depth of 3"
    assert results["aliases"] == "3 aliases found. Allowed: 2"
    assert "40" in results["long"]


async def test_production_mode_hides_introspection_and_graphiql(
    production: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    introspection = {"query": "{ __schema { queryType { name } } }"}

    hidden = await production.post("/graphql", json=introspection, headers=auth("P1"))
    shown = await client.post("/graphql", json=introspection, headers=auth("P1"))
    no_ide = await production.get("/graphql", headers={"Accept": "text/html"})
    ide = await client.get("/graphql", headers={"Accept": "text/html"})

    assert "introspection has been disabled" in hidden.json()["errors"][0]["message"]
    assert shown.json()["data"] == {"__schema": {"queryType": {"name": "Query"}}}
    assert no_ide.status_code == 401
    assert ide.status_code == 200
    assert "graphiql" in ide.text.lower()
    assert (
        "extensions"
        not in (
            await production.post(
                "/graphql", json={"query": "{ viewer { roles } }"}, headers=auth("P1")
            )
        ).json()
    )


async def test_unexpected_errors_are_masked_and_logged_with_a_request_id(
    client: httpx.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    # a gig whose type the API does not know: bad data, a bug for the client to report
    await (
        OrgFactory()
        .department("D1")
        .person("P1", "D1")
        .gig("G1", "P1", "D1", type="bogus")
        .load(db)
    )

    with caplog.at_level(logging.ERROR, logger="talentgraph.service"):
        response = await client.post(
            "/graphql", json={"query": '{ gig(id: "G1") { type } }'}, headers=auth("P1")
        )

    body = response.json()
    request_id = response.headers["x-request-id"]
    error = body["errors"][0]
    assert response.status_code == 200
    assert error["message"] == f"Internal error (request {request_id})."
    assert error["extensions"] == {"code": "INTERNAL", "requestId": request_id}
    assert "bogus" not in response.text
    assert "Traceback" not in response.text
    logged = [r for r in caplog.records if r.name == "talentgraph.service"]
    assert logged[0].getMessage() == f"request {request_id} failed"
    assert "bogus" in str(logged[0].exc_info[1])  # type: ignore[index]


def test_the_committed_sdl_matches_the_code() -> None:
    committed_file = PROJECT_ROOT / SDL_FILE
    committed = committed_file.read_text(encoding="utf-8") if committed_file.exists() else ""
    assert committed == sdl(), f"schema.graphql is out of date: run `{EXPORT_COMMAND}`"


async def test_an_unreachable_database_is_reported_as_unavailable() -> None:
    settings = ServiceSettings(secret=TEST_SECRET, mode="development")
    nowhere = ConnectionInfo("bolt://127.0.0.1:1", "neo4j", "x", max_retry_s=1.0)
    app = create_app(settings, nowhere)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            response = await http.post("/graphql", json={"query": QUERY}, headers=auth("P1"))

    error = response.json()["errors"][0]
    assert response.status_code == 503
    assert response.headers["retry-after"] == "2"
    assert error["extensions"]["code"] == "UNAVAILABLE"
    assert error["message"].startswith("The database is unavailable; try again later")
