"""The container files, read as Docker would (no Docker engine runs here): what the image holds
and how compose wires Neo4j, the identity provider, the seeding and the service. That the image's
wheel installs and serves is tests/test_wheel_install.py's part."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(instruction, arguments) of each line of the Dockerfile, continuations joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in lines
        if line and not line.startswith("#")
    ]


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def test_the_image_never_holds_local_databases_or_environments() -> None:
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", ".talentgraph", ".git"} <= ignored


def test_the_image_installs_the_wheel_as_a_user_without_privileges() -> None:
    instructions = dockerfile_instructions()
    stages = [arguments for name, arguments in instructions if name == "FROM"]
    assert len(stages) >= 2  # the wheel is built in its own stage
    runs = [arguments for name, arguments in instructions if name == "RUN"]
    assert any("python -m build --wheel" in run for run in runs)
    assert any("pip install" in run and ".whl" in run for run in runs)
    assert not any("pip install" in run and " -e " in run for run in runs)
    final = instructions[max(i for i, (name, _) in enumerate(instructions) if name == "FROM") :]
    users = [arguments for name, arguments in final if name == "USER"]
    assert users
    assert users[-1] not in ("root", "0")
    healthcheck = next(arguments for name, arguments in final if name == "HEALTHCHECK")
    assert "/readyz" in healthcheck
    assert ("ENV", "TALENTGRAPH_MODE=production") in [
        (name, arguments.split()[0]) for name, arguments in final if name == "ENV"
    ]


def test_compose_runs_neo4j_the_provider_a_seeding_and_the_service() -> None:
    services = compose()["services"]
    assert services["neo4j"]["image"].startswith("neo4j:")
    assert "healthcheck" in services["neo4j"]
    assert "healthcheck" in services["keycloak"]
    realm_mount = next(v for v in services["keycloak"]["volumes"] if "realm" in v)
    realm_file = ROOT / realm_mount.split(":")[0]
    assert json.loads(realm_file.read_text())["realm"] == "talentgraph"

    seed = services["seed"]
    assert "talentgraph demo" in " ".join(seed["command"])
    assert seed["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert seed["depends_on"]["keycloak"]["condition"] == "service_healthy"

    service = services["talentgraph"]
    assert service["depends_on"]["seed"]["condition"] == "service_completed_successfully"
    environment = service["environment"]
    assert environment["TALENTGRAPH_OIDC_ISSUER"].endswith("/realms/talentgraph")
    assert environment["NEO4J_URI"].startswith("neo4j://")  # routing, as against a cluster
    assert ":?" in environment["TALENTGRAPH_SECRET"]  # no published fallback
