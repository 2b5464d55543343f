"""The project's own Neo4j server: reuse, Browser, clear messages when Java is missing."""

import dataclasses
from pathlib import Path

import httpx
import pytest

from graph.connection import Backend, local_server
from graph.database import ConnectionInfo
from graph.errors import LocalServerError
from graph.local_server import LocalNeo4j


@pytest.fixture
def running_local_server(neo4j_backend: Backend, neo4j_connection: ConnectionInfo) -> LocalNeo4j:
    if neo4j_backend is not Backend.LOCAL:
        pytest.skip("the tests run against another Neo4j than the local server")
    return local_server("tests")


def test_start_reuses_a_running_server(running_local_server: LocalNeo4j) -> None:
    before = running_local_server.status()
    after = running_local_server.start()
    assert after.running
    assert after.pid == before.pid


def test_neo4j_browser_is_served(running_local_server: LocalNeo4j) -> None:
    response = httpx.get(running_local_server.browser_url, timeout=10)
    assert response.status_code == 200
    assert "<title>Neo4j Browser</title>" in response.text


def test_the_password_file_is_readable_by_its_owner_only(running_local_server: LocalNeo4j) -> None:
    assert running_local_server.password_file.stat().st_mode & 0o077 == 0


def test_env_lines_export_the_connection(running_local_server: LocalNeo4j) -> None:
    lines = running_local_server.env_lines()
    assert lines[0] == f"export NEO4J_URI={running_local_server.bolt_uri}"
    assert lines[1] == "export NEO4J_USER=neo4j"
    assert lines[2].startswith("export NEO4J_PASSWORD=")


def test_a_missing_java_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java-here"))
    server = local_server("tests")
    free = LocalNeo4j(
        dataclasses.replace(server.config, home=tmp_path / "neo4j", bolt_port=1, http_port=2)
    )
    with pytest.raises(LocalServerError, match=r"Java is not installed.*apt-get install"):
        free.start()


def test_a_server_never_started_has_no_connection(tmp_path: Path) -> None:
    server = local_server("tests")
    fresh = LocalNeo4j(dataclasses.replace(server.config, home=tmp_path / "neo4j"))
    with pytest.raises(LocalServerError, match="talentgraph neo4j start"):
        fresh.connection_info()
