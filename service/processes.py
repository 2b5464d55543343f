"""`talentgraph serve` as a child process on a free loopback port, against a given Neo4j: what
the API benchmark drives and what the test of several service processes side by side runs.

The service keeps no state of its own (the graph is in Neo4j, tokens are signed, DataLoaders
live per request), so any number of these, or of `--workers`, serve the same API.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

import httpx

from graph.database import ConnectionInfo


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class ServiceProcess:
    process: subprocess.Popen[bytes]
    url: str
    log: IO[bytes]

    def log_tail(self, size: int = 2000) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-size:]

    async def wait_ready(self, timeout_s: float = 300.0) -> None:
        """Returns once /readyz answers 200 (a loaded machine may take minutes to start it)."""
        deadline = time.monotonic() + timeout_s
        async with httpx.AsyncClient(base_url=self.url, timeout=5) as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"the service exited with {self.process.returncode}:\n{self.log_tail()}"
                    )
                try:
                    if (await http.get("/readyz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.25)
        raise RuntimeError(
            f"the service did not become ready within {timeout_s:.0f} s:\n{self.log_tail()}"
        )


def stop_process(process: subprocess.Popen[bytes], timeout_s: float = 30.0) -> None:
    """Asks a served child to stop (SIGTERM), waits up to `timeout_s`, then kills it."""
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def serving(
    neo4j: ConnectionInfo,
    *,
    workers: int = 1,
    settings: Mapping[str, str] | None = None,
    pythonpath: str | None = None,
) -> Iterator[ServiceProcess]:
    """Runs `talentgraph serve --workers N` until the block ends. `settings` are extra
    TALENTGRAPH_* environment variables; `pythonpath` serves the code of another checkout
    (the benchmark's baseline)."""
    command = shutil.which("talentgraph", path=os.path.dirname(sys.executable))
    if command is None:
        raise RuntimeError("the talentgraph command is not installed next to this Python")
    port = free_port()
    env = (
        os.environ
        | {
            "NEO4J_URI": neo4j.uri,
            "NEO4J_USER": neo4j.user,
            "NEO4J_PASSWORD": neo4j.password,
            "NEO4J_DATABASE": neo4j.database,
        }
        | dict(settings or {})
    )
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    arguments = ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [command, *arguments], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            yield ServiceProcess(process, f"http://127.0.0.1:{port}", log)
        finally:
            stop_process(process)
