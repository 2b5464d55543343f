"""Which Neo4j to use: one decision, made here, from the environment.

- `NEO4J_URI` set: that server (docker compose, Aura, a cluster through `neo4j://`).
- Otherwise, for the tests only: a testcontainers Neo4j when a Docker daemon answers.
- Otherwise: the project's own local server (`graph.local_server`).
"""

from __future__ import annotations

import enum
from typing import Literal

from graph.database import ConnectionInfo
from graph.errors import LocalServerError
from graph.local_keycloak import KeycloakConfig, LocalKeycloak
from graph.local_server import LocalNeo4j, ServerConfig
from graph.settings import (
    BenchServerSettings,
    KeycloakSettings,
    LocalServerSettings,
    Neo4jSettings,
    TestKeycloakSettings,
    TestServerSettings,
)


class Backend(enum.Enum):
    CONFIGURED = "configured"
    TESTCONTAINERS = "testcontainers"
    LOCAL = "local"


def choose_backend(neo4j: Neo4jSettings, *, for_tests: bool, docker_available: bool) -> Backend:
    if neo4j.uri:
        return Backend.CONFIGURED
    if for_tests and docker_available:
        return Backend.TESTCONTAINERS
    return Backend.LOCAL


ServerRole = Literal["service", "tests", "bench"]


def local_server(role: ServerRole = "service") -> LocalNeo4j:
    """The local server for a role: the service's (demo data), the tests' or the benchmarks'.
    Each has its own folder and ports, so none wipes another's data."""
    base = LocalServerSettings()
    place: LocalServerSettings | TestServerSettings | BenchServerSettings = base
    if role == "tests":
        place = TestServerSettings()
    elif role == "bench":
        place = BenchServerSettings()
    return LocalNeo4j(
        ServerConfig(
            home=place.home, bolt_port=place.bolt_port, http_port=place.http_port,
            heap=place.heap, pagecache=place.pagecache, version=base.version,
            browser_version=base.browser_version, jar_cache=base.jar_cache,
            start_timeout_s=base.start_timeout_s,
        )
    )  # fmt: skip


IdpRole = Literal["service", "tests"]


def local_keycloak(role: IdpRole = "service") -> LocalKeycloak:
    """The local identity provider for a role: the demo's or the tests' (own folder and port)."""
    base = KeycloakSettings()
    home, port = base.home, base.port
    if role == "tests":
        tests = TestKeycloakSettings()
        home, port = tests.home, tests.port
    return LocalKeycloak(
        KeycloakConfig(
            home=home, port=port, version=base.version, cache=base.cache,
            java_home=base.java_home, heap=base.heap, start_timeout_s=base.start_timeout_s,
        )
    )  # fmt: skip


def configured_connection(neo4j: Neo4jSettings | None = None) -> ConnectionInfo:
    """The connection for the service and the CLI: `NEO4J_*` if set, else the local server."""
    neo4j = neo4j or Neo4jSettings()
    if neo4j.uri:
        if neo4j.password is None:
            raise LocalServerError("NEO4J_URI is set but NEO4J_PASSWORD is not")
        return ConnectionInfo(neo4j.uri, neo4j.user, neo4j.password, neo4j.database)
    return local_server().connection_info()
