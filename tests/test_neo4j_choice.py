"""Which Neo4j the project uses, decided from the environment."""

import pytest

from graph.connection import Backend, choose_backend, configured_connection
from graph.errors import LocalServerError
from graph.local_server import required_java
from graph.settings import Neo4jSettings


def test_a_configured_uri_wins_over_everything() -> None:
    settings = Neo4jSettings(uri="neo4j://cluster:7687", password="secret")
    assert choose_backend(settings, for_tests=True, docker_available=True) is Backend.CONFIGURED
    assert choose_backend(settings, for_tests=False, docker_available=False) is Backend.CONFIGURED


def test_tests_use_testcontainers_when_docker_answers() -> None:
    settings = Neo4jSettings(uri=None)
    assert choose_backend(settings, for_tests=True, docker_available=True) is Backend.TESTCONTAINERS


def test_without_uri_or_docker_the_local_server_is_used() -> None:
    settings = Neo4jSettings(uri=None)
    assert choose_backend(settings, for_tests=True, docker_available=False) is Backend.LOCAL


def test_the_service_never_starts_containers() -> None:
    settings = Neo4jSettings(uri=None)
    assert choose_backend(settings, for_tests=False, docker_available=True) is Backend.LOCAL


def test_a_configured_uri_without_password_is_refused_clearly() -> None:
    with pytest.raises(LocalServerError, match="NEO4J_PASSWORD"):
        configured_connection(Neo4jSettings(uri="bolt://db:7687", password=None))


def test_configured_connection_carries_every_setting() -> None:
    info = configured_connection(
        Neo4jSettings(uri="neo4j+s://aura:7687", user="u", password="p", database="talent")
    )
    assert (info.uri, info.user, info.password, info.database) == (
        "neo4j+s://aura:7687",
        "u",
        "p",
        "talent",
    )


@pytest.mark.parametrize(
    ("version", "java"), [("5.26.30", 17), ("2025.09.0", 17), ("2025.10.1", 21), ("2026.01.0", 21)]
)
def test_the_java_a_neo4j_version_needs(version: str, java: int) -> None:
    assert required_java(version) == java
