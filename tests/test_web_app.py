"""The web app on the API's origin: static files with a single-page fallback and long-cached
hashed assets, GraphiQL from the build, the development sign-in (absent in production), CORS and
websocket origins from `TALENTGRAPH_CORS_ORIGINS`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.types import ASGIApp, Message

from graph.database import ConnectionInfo, Database
from graph.settings import ServiceSettings
from service.app import create_app
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory
from tests.support.notifications import serve_in_task, websocket_scope

INDEX = '<!doctype html><title>talentgraph</title><script src="/assets/app-3f9a.js"></script>'
GRAPHIQL = '<!doctype html><title>GraphiQL</title><script src="/assets/graphiql-77ab.js"></script>'
HTML = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "graphiql.html").write_text(GRAPHIQL)
    (tmp_path / "assets" / "app-3f9a.js").write_text("console.log('app')")
    return tmp_path


async def serve(
    settings: ServiceSettings, connection: ConnectionInfo
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, connection)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


@pytest.fixture
async def web(
    db: Database, neo4j_connection: ConnectionInfo, dist: Path
) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(secret=TEST_SECRET, mode="development", web_dist=dist)
    async for http in serve(settings, neo4j_connection):
        yield http


@pytest.fixture
async def production(
    db: Database, neo4j_connection: ConnectionInfo, dist: Path
) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(secret=TEST_SECRET, mode="production", web_dist=dist)
    async for http in serve(settings, neo4j_connection):
        yield http


async def test_the_app_is_served_at_the_root_and_at_every_deep_link(
    web: httpx.AsyncClient,
) -> None:
    for path in ("/", "/gigs/G1", "/hr/dashboard"):
        response = await web.get(path, headers=HTML)
        assert response.status_code == 200
        assert response.text == INDEX
        assert response.headers["cache-control"] == "no-cache"
    # the root is the app's page for any client, not only for a browser's navigation
    assert (await web.get("/", headers={"Accept": "*/*"})).text == INDEX


async def test_hashed_assets_are_cached_for_a_year_and_missing_files_are_404(
    web: httpx.AsyncClient,
) -> None:
    asset = await web.get("/assets/app-3f9a.js")
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert (await web.get("/assets/app-0000.js", headers=HTML)).status_code == 404
    assert (await web.get("/favicon.ico", headers=HTML)).status_code == 404
    # a script asking for something that is not there is told so, not handed the app's page
    assert (await web.get("/gigs/G1", headers={"Accept": "application/json"})).status_code == 404


async def test_the_api_keeps_its_paths(web: httpx.AsyncClient, db: Database) -> None:
    await OrgFactory().department("D1").person("P1", "D1").load(db)
    health = await web.get("/healthz")
    assert health.json() == {"status": "ok"}
    answer = await web.post(
        "/graphql", json={"query": "{ viewer { roles } }"}, headers=auth("P1", "hr")
    )
    assert answer.json()["data"]["viewer"]["roles"] == ["employee", "hr"]


async def test_graphiql_is_the_page_of_the_build_with_no_cdn(web: httpx.AsyncClient) -> None:
    page = await web.get("/graphql", headers=HTML)
    assert page.status_code == 200
    assert page.text == GRAPHIQL


async def test_an_unbuilt_app_says_how_to_build_it(
    db: Database, neo4j_connection: ConnectionInfo, tmp_path: Path
) -> None:
    settings = ServiceSettings(secret=TEST_SECRET, web_dist=tmp_path / "missing")
    async for http in serve(settings, neo4j_connection):
        for path in ("/", "/graphql"):
            response = await http.get(path, headers=HTML)
            assert response.status_code == 503
            assert "make web" in response.text


async def demo_org(db: Database) -> None:
    org = OrgFactory().department("D1", "Engineering").department("HR1", "People & Culture")
    org.person("P1", "D1", name="Ada Head").person("P2", "D1", name="Bo Lead", manager_id="P1")
    org.person("P3", "D1", name="Cy Dev", manager_id="P2")
    org.person("P4", "HR1", name="Di People", manager_id="P1")
    org.skill("sql", "SQL").gig("G1", "P2", "D1", status="open").requires("G1", "sql")
    await org.load(db)


async def test_development_sign_in_lists_demo_people_per_role_and_issues_a_token(
    web: httpx.AsyncClient, db: Database
) -> None:
    await demo_org(db)
    listed = (await web.get("/dev/sign-in")).json()["people"]
    by_role: dict[str, list[str]] = {}
    for person in listed:
        by_role.setdefault(person["role"], []).append(person["name"])
    assert by_role == {
        "employee": ["Cy Dev"],  # the report of the listed manager, who is also on the page
        "owner": ["Bo Lead"],
        "manager": ["Bo Lead"],
        "hr": ["Di People"],
        "admin": ["Ada Head"],
    }
    employee = next(p for p in listed if p["role"] == "employee")
    assert employee["manager"] == "Bo Lead"
    assert employee["department"] == "Engineering"
    assert employee["function"] == "Engineering"

    signed = await web.post("/dev/sign-in", json={"personId": "P4", "role": "hr"})
    token = signed.json()["token"]
    viewer = await web.post(
        "/graphql",
        json={"query": "{ viewer { roles person { name } } }"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert viewer.json()["data"]["viewer"] == {
        "roles": ["employee", "hr"],
        "person": {"name": "Di People"},
    }


async def test_development_sign_in_refuses_unknown_people_and_roles(
    web: httpx.AsyncClient, db: Database
) -> None:
    await demo_org(db)
    unknown = await web.post("/dev/sign-in", json={"personId": "P99", "role": "employee"})
    assert unknown.status_code == 404
    assert unknown.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    bad_role = await web.post("/dev/sign-in", json={"personId": "P1", "role": "root"})
    assert bad_role.status_code == 400
    assert "role must be one of" in bad_role.json()["errors"][0]["message"]
    not_json = await web.post("/dev/sign-in", content=b"{", headers={"Content-Type": "text/plain"})
    assert not_json.status_code == 400


async def test_production_has_no_development_sign_in(production: httpx.AsyncClient) -> None:
    listed = await production.get("/dev/sign-in", headers={"Accept": "application/json"})
    assert listed.status_code == 404
    signed = await production.post("/dev/sign-in", json={"personId": "P1", "role": "admin"})
    assert signed.status_code in (404, 405)
    assert "token" not in signed.text


async def test_cors_allows_the_configured_origin_and_exposes_the_request_id(
    db: Database, neo4j_connection: ConnectionInfo, dist: Path
) -> None:
    await OrgFactory().department("D1").person("P1", "D1").load(db)
    settings = ServiceSettings(
        secret=TEST_SECRET, cors_origins=["https://app.example.org"], web_dist=dist
    )
    async for http in serve(settings, neo4j_connection):
        preflight = await http.options(
            "/graphql",
            headers={
                "Origin": "https://app.example.org",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization,content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://app.example.org"
        answer = await http.post(
            "/graphql",
            json={"query": "{ viewer { roles } }"},
            headers={"Origin": "https://app.example.org", **auth("P1")},
        )
        assert answer.headers["access-control-allow-origin"] == "https://app.example.org"
        assert "x-request-id" in answer.headers["access-control-expose-headers"].lower()
        assert answer.headers["x-request-id"]


async def websocket_handshake(app: ASGIApp, origin: str) -> Message:
    """The app's first answer to a graphql-transport-ws handshake from a page on `origin`."""
    to_app: asyncio.Queue[Message] = asyncio.Queue()
    from_app: asyncio.Queue[Message] = asyncio.Queue()
    task = serve_in_task(app, websocket_scope((b"origin", origin.encode())), to_app, from_app)
    await to_app.put({"type": "websocket.connect"})
    first = await asyncio.wait_for(from_app.get(), 10)
    await to_app.put({"type": "websocket.disconnect", "code": 1000})
    await asyncio.wait_for(task, 10)
    return first


async def test_subscriptions_accept_the_configured_origins_only(
    db: Database, neo4j_connection: ConnectionInfo, dist: Path
) -> None:
    settings = ServiceSettings(
        secret=TEST_SECRET, cors_origins=["https://app.example.org"], web_dist=dist
    )
    async with LifespanManager(create_app(settings, neo4j_connection)) as manager:
        allowed = await websocket_handshake(manager.app, "https://app.example.org")
        same_origin = await websocket_handshake(manager.app, "http://talentgraph")
        refused = await websocket_handshake(manager.app, "https://evil.example.com")
    assert allowed["type"] == "websocket.accept"
    assert same_origin["type"] == "websocket.accept"
    assert refused == {"type": "websocket.close", "code": 1008, "reason": ""}
