"""Speed of the web app's home and candidates screens at 10,000 people, in headless Chromium.

    python -m benchmarks.web_screens [--people 10000] [--runs 20]

Seeds (or re-uses) the generated organisation on the benchmarks' Neo4j, serves it with a real
`talentgraph serve` (the built app at /), and loads each screen `runs` times in a fresh browser
context (`web/bench/screens.mjs`): the time from navigation to the screen's `screen:<name>`
Performance mark (its data drawn), next to the time its GraphQL requests took in the same loads
(the API's share; the rest is the browser: scripts, rendering). Needs `make web` first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

from benchmarks.common import Timing, bench_database, ensure_generated_org
from graph.connection import configured_connection, local_server
from graph.database import ConnectionInfo
from graph.settings import Neo4jSettings, service_settings
from resolvers.identity import issue_token

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def prepare(people: int) -> tuple[ConnectionInfo, dict[str, str]]:
    async with bench_database() as db:
        await ensure_generated_org(db, people)
        rows = await db.read("matching/bench_screen_subjects")
    if Neo4jSettings().uri:
        return configured_connection(), {key: str(value) for key, value in rows[0].items()}
    info = local_server("bench").connection_info()
    return info, {key: str(value) for key, value in rows[0].items()}


def serve(info: ConnectionInfo, port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "NEO4J_URI": info.uri,
        "NEO4J_USER": info.user,
        "NEO4J_PASSWORD": info.password,
        "TALENTGRAPH_MODE": "development",
    }
    command = [str(ROOT / ".venv" / "bin" / "talentgraph"), "serve", "--port", str(port)]
    service = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2):
                return service
        except OSError:
            time.sleep(0.5)
    service.terminate()
    raise SystemExit("the service did not become ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if not (ROOT / "web" / "dist" / "index.html").is_file():
        raise SystemExit("build the app first: make web")

    info, subjects = asyncio.run(prepare(args.people))
    settings = service_settings()
    ttl = timedelta(hours=1)
    employee = issue_token(subjects["employee_id"], [], settings.secret.get_secret_value(), ttl)
    owner = issue_token(subjects["owner_id"], [], settings.secret.get_secret_value(), ttl)
    port = free_port()
    service = serve(info, port)
    try:
        output = subprocess.run(
            ["node", "bench/screens.mjs", f"http://127.0.0.1:{port}", employee, owner,
             subjects["gig_id"], str(args.runs)],
            cwd=ROOT / "web", check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    finally:
        service.terminate()
        service.wait(timeout=20)
    loads = json.loads(output.strip().splitlines()[-1])
    load_average = os.getloadavg()[0]
    print(
        f"web screens at {args.people:,} people, {args.runs} cold loads each (fresh browser "
        f"context), headless Chromium, machine load average {load_average:.1f}"
    )
    for screen in ("home", "candidates"):
        shown = Timing(f"{screen}: data shown", [x["screenMs"] for x in loads[screen]])
        api = Timing(f"{screen}: its GraphQL requests", [x["apiMs"] for x in loads[screen]])
        requests = max(x["requests"] for x in loads[screen])
        print(shown.line(api))
        print(f"{api.line()}   ({requests} requests)")


if __name__ == "__main__":
    main()
