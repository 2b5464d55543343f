"""Fixtures: one real Neo4j for the session, a clean graph for each test, the app over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.types import ASGIApp

from graph.connection import Backend, choose_backend, local_keycloak, local_server
from graph.database import ConnectionInfo, Database
from graph.local_keycloak import LocalKeycloak
from graph.migrate import apply_schema, ensure_reference_data
from graph.settings import Neo4jSettings, PolicySettings, ServiceSettings
from service.app import create_app
from tests.support.api import TEST_SECRET
from tests.support.docker import docker_answers
from tests.support.factories import OrgFactory

# A fresh secret per run: production mode (which some tests use) refuses any published one.


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


@pytest.fixture
def service_settings(request: pytest.FixtureRequest) -> ServiceSettings:
    """The service's settings for a test; `@pytest.mark.policy(name=value, ...)` changes the
    governance rules its app runs with (`PolicySettings`)."""
    marker = request.node.get_closest_marker("policy")
    return ServiceSettings(
        secret=TEST_SECRET,
        mode="development",
        # a loaded CI machine's Neo4j, just started, may take longer than production's 15 s
        db_transaction_timeout_s=60,
        policy=PolicySettings(**marker.kwargs) if marker else PolicySettings(),
    )


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


@pytest.fixture
async def app(
    db: Database, neo4j_connection: ConnectionInfo, service_settings: ServiceSettings
) -> AsyncIterator[ASGIApp]:
    """The app itself, its lifespan running, for clients that speak ASGI (websockets)."""
    async with LifespanManager(create_app(service_settings, neo4j_connection)) as manager:
        yield manager.app
