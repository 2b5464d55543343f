"""What a deployment gets: a wheel built from this tree with `python -m build`, installed into a
fresh virtual environment outside the checkout, migrates the tests' Neo4j and serves the API
with everything it reads from files (the Cypher queries, the Browser style, the SDL) inside the
wheel. The build and the install take a minute; both use pip's cache."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph.database import ConnectionInfo, Database
from graph.queries import names_under
from tests.support.api import TEST_SECRET
from tests.support.factories import OrgFactory

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _source_tree(into: Path) -> Path:
    """The files git tracks (and untracked ones it does not ignore), as they are now."""
    listed = _run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        path = ROOT / name
        if path.is_file():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    return into


@pytest.fixture(scope="module")
def wheel_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin/` of a fresh virtual environment with only the built wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    source = _source_tree(work / "source")
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", source, cwd=work)
    wheels = list((work / "dist").glob("talentgraph-*.whl"))
    assert len(wheels) == 1, wheels
    shutil.rmtree(source)
    _run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    _run(work / "venv" / "bin" / "pip", "install", "--quiet", wheels[0], cwd=work)
    return work / "venv" / "bin"


def _environment(connection: ConnectionInfo) -> dict[str, str]:
    """This process's environment without anything that points back into the checkout."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHONPATH", "VIRTUAL_ENV") and not name.startswith("TALENTGRAPH_")
    }
    return env | {
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        "TALENTGRAPH_SECRET": TEST_SECRET,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_the_installed_wheel_migrates_the_graph_and_serves_the_api(
    wheel_bin: Path,
    neo4j_connection: ConnectionInfo,
    db: Database,
    org: OrgFactory,
    tmp_path: Path,
) -> None:
    env = _environment(neo4j_connection)
    migrated = _run(wheel_bin / "talentgraph", "db", "migrate", cwd=tmp_path, env=env)
    assert f"schema in place ({len(names_under('schema'))} statements)" in migrated

    sdl = _run(wheel_bin / "talentgraph", "schema", "export", "--check", cwd=ROOT, env=env)
    assert "is up to date" in sdl

    await org.department("D1", "Data").person("P1", "D1", name="Ada Lovelace").load(db)
    token = _run(wheel_bin / "talentgraph", "token", "--person", "P1", cwd=tmp_path, env=env)
    port = _free_port()
    server = await asyncio.create_subprocess_exec(
        wheel_bin / "talentgraph",
        "serve",
        "--port",
        str(port),
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if (await http.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.returncode is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not get ready"
                await asyncio.sleep(0.2)
            answer = await http.post(
                "/graphql",
                json={"query": '{ person(id: "P1") { name department { name } } }'},
                headers={"Authorization": f"Bearer {token.strip()}"},
            )
            style = await http.get("/browser-guide/style.grass")
    finally:
        server.terminate()
        await asyncio.wait_for(server.wait(), timeout=30)

    assert answer.status_code == 200, answer.text
    assert answer.json()["data"] == {
        "person": {"name": "Ada Lovelace", "department": {"name": "Data"}}
    }
    assert style.status_code == 200
    assert "node.Person" in style.text
