"""The service as an operator runs it: `talentgraph serve` in its own process, on a free port,
its log captured to a file. For tests of what only a real server shows (uvicorn's logging, several
processes against one Neo4j)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from graph.database import ConnectionInfo
from service.processes import stop_process

TALENTGRAPH = str(Path(sys.executable).parent / "talentgraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(connection: ConnectionInfo, log_file: Path, **settings: str) -> Iterator[httpx.Client]:
    """Runs `talentgraph serve` against `connection` with `TALENTGRAPH_<NAME>` `settings`;
    yields a client for it once /healthz answers, and stops it afterwards."""
    port = free_port()
    environment = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        **{f"TALENTGRAPH_{name.upper()}": value for name, value in settings.items()},
    }
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [TALENTGRAPH, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=environment, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60.0) as client:
            deadline = time.monotonic() + 120.0
            while True:
                assert process.poll() is None, log_file.read_text()
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, log_file.read_text()
                time.sleep(0.2)
            yield client
    finally:
        stop_process(process)
