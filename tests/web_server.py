"""The service the browser journeys (`web/e2e/`) run against: the tests' real Neo4j holding a
generated organisation, served by a real `talentgraph serve` on a free port with the web build.

    python -m tests.web_server [--people 300]

The organisation has this quarter's pulse survey rounds open, as `talentgraph demo` leaves it.

prints `READY <url>` once the service answers /readyz, then serves until it is stopped
(SIGTERM/SIGINT stop the service too). A local tests' server it had to start is stopped again.
Playwright's global set-up runs it (`web/e2e/global-setup.ts`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from graph.connection import local_server
from graph.database import ConnectionInfo, Database
from graph.migrate import apply_schema
from graph.settings import Neo4jSettings
from resolvers.surveys.pulses import open_rounds
from seed.pipeline import seed_org

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def seed(connection: ConnectionInfo, people: int) -> None:
    db = Database.connect(connection)
    try:
        await apply_schema(db)
        await db.write_in_batches("admin/clear_graph")
        await seed_org(db, people=people, seed=7)
        await open_rounds(db, None, datetime.now(UTC))
    finally:
        await db.close()


def wait_ready(url: str, service: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if service.poll() is not None:
            raise SystemExit(f"talentgraph serve exited with {service.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the service at {url} was not ready within {timeout_s:.0f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    args = parser.parse_args()

    settings = Neo4jSettings()
    server = None
    if settings.uri:
        assert settings.password, "NEO4J_URI needs NEO4J_PASSWORD"
        connection = ConnectionInfo(settings.uri, settings.user, settings.password)
    else:
        server = local_server("tests")
        started_here = not server.status().running
        server.start()
        connection = server.connection_info()
    asyncio.run(seed(connection, args.people))

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = os.environ | {
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "TALENTGRAPH_MODE": "development",
        "TALENTGRAPH_POLICY_NOTIFICATION_POLL_S": "0.5",
        # as in the pytest fixtures: a loaded CI machine's just-started Neo4j plans each screen's
        # queries for the first time within the journeys, which can outlast production's 15 s
        "TALENTGRAPH_DB_TRANSACTION_TIMEOUT_S": "60",
    }
    talentgraph = ROOT / ".venv" / "bin" / "talentgraph"
    command = [str(talentgraph), "serve", "--host", "127.0.0.1", "--port", str(port)]
    log = ROOT / "web" / "test-results" / "service.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        service = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)

    def stop(signum: int, frame: object) -> None:
        service.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        wait_ready(url, service)
        print(f"READY {url}", flush=True)
        service.wait()
    finally:
        if service.poll() is None:
            service.terminate()
            service.wait(timeout=10)
        if server is not None and started_here:
            server.stop()
    sys.exit(0)


if __name__ == "__main__":
    main()
