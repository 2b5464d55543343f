"""Fuzzing the served schema: hypothesis-graphql writes valid queries and mutations over the SDL
`talentgraph serve` offers, with arguments of every shape, sent as each role would send them.
Whatever arrives, the answer is a GraphQL answer: no 5xx, no INTERNAL (a masked bug). Bounded so
the suite stays fast: a fixed number of examples per role and operation type."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from cli.sdl import sdl
from graph.database import ConnectionInfo, Database
from resolvers.identity import issue_token
from tests.support.api import TEST_SECRET
from tests.support.workflow import workflow_org

SDL = sdl()
SCALARS = {
    "Date": st.dates().map(lambda day: nodes.String(day.isoformat())),
    "DateTime": st.datetimes().map(lambda moment: nodes.String(moment.isoformat() + "Z")),
}
ROLES = {
    "employee": ("ALICE", []),
    "owner": ("OWNER", []),
    "manager": ("MANAGER", []),
    "hr": ("DIRECTOR", ["hr"]),
    "admin": ("SOLO", ["admin"]),
}
EXAMPLES = 15


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(neo4j_connection: ConnectionInfo) -> Iterator[str]:
    """`talentgraph serve` in production mode on a free loopback port, on the tests' Neo4j."""
    port = free_port()
    env = os.environ | {
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "NEO4J_DATABASE": neo4j_connection.database,
        "TALENTGRAPH_SECRET": TEST_SECRET,
        "TALENTGRAPH_MODE": "production",
        "TALENTGRAPH_RATE_LIMIT_PER_MINUTE": "100000",
        "TALENTGRAPH_RATE_LIMIT_BURST": "100000",
        "TALENTGRAPH_DB_TRANSACTION_TIMEOUT_S": "60",
    }
    command = Path(sys.executable).parent / "talentgraph"
    server = subprocess.Popen(
        [str(command), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("talentgraph serve did not become ready")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
async def organisation(db: Database) -> None:
    await workflow_org().load(db)


def check(base: str, role: str, document: str) -> None:
    person, roles = ROLES[role]
    token = issue_token(person, roles, TEST_SECRET, timedelta(hours=1))
    response = httpx.post(
        f"{base}/graphql",
        json={"query": document},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert response.status_code < 500, (response.status_code, document, response.text[:500])
    body = response.json()
    codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors", [])]
    assert "INTERNAL" not in codes, (document, body)
    assert None not in codes, (document, body)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("role", list(ROLES))
def test_fuzzed_queries_never_break_the_service(served: str, organisation: None, role: str) -> None:
    @FUZZ
    @given(document=queries(SDL, custom_scalars=SCALARS))
    def fuzz(document: str) -> None:
        check(served, role, document)

    fuzz()


@pytest.mark.parametrize("role", list(ROLES))
def test_fuzzed_mutations_never_break_the_service(
    served: str, organisation: None, role: str
) -> None:
    @FUZZ
    @given(document=mutations(SDL, custom_scalars=SCALARS))
    def fuzz(document: str) -> None:
        check(served, role, document)

    fuzz()
