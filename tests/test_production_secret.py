"""Production never signs tokens with a secret anyone could know: the one in the source, the
compose file's old fallback, a short or patterned one. An attacker who read the repository must
not be able to mint an admin token."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph.database import ConnectionInfo, Database
from graph.errors import ConfigurationError
from graph.settings import DEVELOPMENT_SECRET, ServiceSettings, service_settings
from resolvers.identity import issue_token
from service.app import create_app

ROOT = Path(__file__).resolve().parent.parent
TALENTGRAPH = Path(sys.executable).parent / "talentgraph"
WEAK_SECRETS = [
    pytest.param(DEVELOPMENT_SECRET, id="the development default in the source"),
    pytest.param("change-me-in-production-32-bytes!!", id="docker-compose's old fallback"),
    pytest.param("test-secret-that-is-long-enough-for-hs256", id="the tests' secret"),
    pytest.param("s3cr3t-Pa55", id="shorter than 32 bytes"),
    pytest.param("ab" * 32, id="a repeated pattern"),
]


def production_env(secret: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "TALENTGRAPH_SECRET"}
    env["TALENTGRAPH_MODE"] = "production"
    if secret is not None:
        env["TALENTGRAPH_SECRET"] = secret
    return env


@pytest.mark.parametrize("secret", WEAK_SECRETS)
def test_production_settings_refuse_a_secret_anyone_could_know(secret: str) -> None:
    with pytest.raises(ValueError, match="TALENTGRAPH_SECRET cannot sign tokens in production"):
        ServiceSettings(mode="production", secret=secret)


def test_production_without_a_secret_refuses_and_says_how_to_make_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TALENTGRAPH_SECRET", raising=False)
    monkeypatch.setenv("TALENTGRAPH_MODE", "production")
    service_settings.cache_clear()
    try:
        with pytest.raises(ConfigurationError, match=r"published default.*openssl rand"):
            service_settings()
    finally:
        service_settings.cache_clear()


def test_production_accepts_32_random_bytes() -> None:
    settings = ServiceSettings(mode="production", secret=secrets.token_urlsafe(32))
    assert settings.mode == "production"
    assert settings.secret not in repr(settings)


def test_development_keeps_working_without_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TALENTGRAPH_SECRET", raising=False)
    assert ServiceSettings(mode="development").secret == DEVELOPMENT_SECRET


@pytest.mark.parametrize(
    ("command", "secret"),
    [
        pytest.param(["serve", "--port", "0"], None, id="serve without a secret"),
        pytest.param(["serve", "--port", "0"], DEVELOPMENT_SECRET, id="serve with the default"),
        pytest.param(["token", "--person", "p1", "--role", "admin"], None, id="token"),
    ],
)
def test_production_commands_exit_with_a_clear_error_instead_of_serving(
    command: list[str], secret: str | None
) -> None:
    completed = subprocess.run(
        [str(TALENTGRAPH), *command],
        cwd=ROOT,
        env=production_env(secret),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "TALENTGRAPH_SECRET cannot sign tokens in production" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert completed.stdout == ""


async def test_an_admin_token_forged_with_the_published_secret_is_refused(
    db: Database, neo4j_connection: ConnectionInfo
) -> None:
    settings = ServiceSettings(mode="production", secret=secrets.token_urlsafe(32))
    forged = issue_token("intruder", ["admin"], DEVELOPMENT_SECRET, timedelta(hours=1))
    app = create_app(settings, neo4j_connection)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            response = await http.post(
                "/graphql",
                json={"query": "{ viewer { roles } }"},
                headers={"Authorization": f"Bearer {forged}"},
            )
    assert response.status_code == 401
    assert "data" not in response.json()
