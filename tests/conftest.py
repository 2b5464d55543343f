"""Fixtures: one real Neo4j for the session, a clean graph for each test, the app over HTTP."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph.connection import Backend, choose_backend, local_keycloak, local_server
from graph.database import ConnectionInfo, Database
from graph.local_keycloak import LocalKeycloak
from graph.migrate import apply_schema, ensure_reference_data
from graph.settings import Neo4jSettings, ServiceSettings
from resolvers.identity import issue_token
from service.app import create_app
from tests.factories import OrgFactory
from tests.support.docker import docker_answers

# A fresh secret per run: production mode (which some tests use) refuses any published one.
TEST_SECRET = secrets.token_urlsafe(32)


@pytest.fixture(scope="session")
def neo4j_backend() -> Backend:
    settings = Neo4jSettings()
    return choose_backend(
        settings, for_tests=True, docker_available=not settings.uri and docker_answers()
    )


@pytest.fixture(scope="session")
def neo4j_connection(neo4j_backend: Backend) -> Iterator[ConnectionInfo]:
    """The Neo4j the tests use (see graph.connection); a local server this fixture started is
    stopped again at the end of the session."""
    if neo4j_backend is Backend.CONFIGURED:
        settings = Neo4jSettings()
        assert settings.uri
        assert settings.password, "NEO4J_URI needs NEO4J_PASSWORD"
        yield ConnectionInfo(settings.uri, settings.user, settings.password, settings.database)
    elif neo4j_backend is Backend.TESTCONTAINERS:
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26") as container:
            yield ConnectionInfo(container.get_connection_url(), "neo4j", container.password)
    else:
        server = local_server("tests")
        started_here = not server.status().running
        server.start()
        try:
            yield server.connection_info()
        finally:
            if started_here:
                server.stop()


@pytest.fixture(scope="session")
def keycloak() -> Iterator[LocalKeycloak]:
    """The tests' OpenID Connect provider: a real Keycloak with the talentgraph realm (started
    only by the tests that ask for it; one this fixture started is stopped at the end)."""
    server = local_keycloak("tests")
    started_here = not server.status().running
    server.start()
    try:
        yield server
    finally:
        if started_here:
            server.stop()


@pytest.fixture(scope="session")
async def database(neo4j_connection: ConnectionInfo) -> AsyncIterator[Database]:
    db = Database.connect(neo4j_connection)
    await apply_schema(db)
    yield db
    await db.close()


@pytest.fixture
async def db(database: Database) -> Database:
    """The session's database, emptied before the test down to what a migrated graph holds (the
    default surveys)."""
    await database.write_in_batches("admin/clear_graph")
    await ensure_reference_data(database)
    return database


@pytest.fixture
def org() -> OrgFactory:
    return OrgFactory()


@pytest.fixture(scope="session")
def service_settings() -> ServiceSettings:
    # a loaded CI machine's Neo4j, just started, may take longer than production's 15 s
    return ServiceSettings(secret=TEST_SECRET, mode="development", db_transaction_timeout_s=60)


@pytest.fixture
async def client(
    db: Database, neo4j_connection: ConnectionInfo, service_settings: ServiceSettings
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the app, running its real lifespan against the test database."""
    app = create_app(service_settings, neo4j_connection)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


def token_for(person_id: str, *roles: str) -> str:
    return issue_token(person_id, list(roles), TEST_SECRET, timedelta(hours=1))


def auth(person_id: str, *roles: str) -> dict[str, str]:
    """Headers that authenticate as `person_id` with extra `roles`."""
    return {"Authorization": f"Bearer {token_for(person_id, *roles)}"}


async def graphql(
    client: httpx.AsyncClient,
    query: str,
    person_id: str,
    *roles: str,
    variables: dict[str, object] | None = None,
) -> dict[str, Any]:
    """POSTs a GraphQL request as `person_id` with `roles`; returns the body of a 200 response."""
    body = {"query": query, "variables": variables or {}}
    response = await client.post("/graphql", json=body, headers=auth(person_id, *roles))
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def mutate(
    client: httpx.AsyncClient, query: str, who: str, *roles: str, **variables: object
) -> dict[str, object]:
    """Runs a mutation that must not fail; returns its payload's `result`."""
    body = await graphql(client, query, who, *roles, variables=variables)
    assert "errors" not in body, body
    result: dict[str, object] = next(iter(body["data"].values()))["result"]
    return result
