"""The API under load: a typical screen's query against a real `talentgraph serve`.

    python -m benchmarks.api_people_page [--people 10000] [--clients 16] [--requests 25]

The screen: a page of 50 people with their department and skills, pages spread over the whole
directory. `--clients` concurrent HTTP clients drive a uvicorn subprocess (production mode, on a
free loopback port, pointed at the benchmarks' Neo4j through NEO4J_URI / NEO4J_PASSWORD); the
baseline is the same data as one hand-written Cypher query through the driver, at the same
concurrency, in the same run. Prints requests/s, p50 and p95 of both, and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx

from benchmarks.common import Timing, bench_database, ensure_generated_org
from graph.connection import configured_connection, local_server
from graph.database import ConnectionInfo, Database
from graph.settings import Neo4jSettings
from resolvers.identity import issue_token
from resolvers.pagination import encode_cursor

PAGE = 50
SECRET = "benchmark-secret-that-is-long-enough-for-hs256"

SCREEN = """
query ($after: String) {
  people(first: 50, after: $after) {
    edges { node { id name title department { id name }
                   skills { proficiency validated skill { id label } } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def bench_connection() -> ConnectionInfo:
    """The connection `bench_database` uses, for the server subprocess."""
    return (
        configured_connection() if Neo4jSettings().uri else local_server("bench").connection_info()
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(info: ConnectionInfo, port: int, log: Any) -> subprocess.Popen[bytes]:
    command = shutil.which("talentgraph", path=os.path.dirname(sys.executable))
    if command is None:
        raise SystemExit("the talentgraph command is not installed next to this Python")
    env = os.environ | {
        "NEO4J_URI": info.uri,
        "NEO4J_USER": info.user,
        "NEO4J_PASSWORD": info.password,
        "NEO4J_DATABASE": info.database,
        "TALENTGRAPH_SECRET": SECRET,
        "TALENTGRAPH_MODE": "production",
    }
    return subprocess.Popen(
        [command, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


async def wait_ready(http: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if (await http.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.25)
    raise SystemExit("the server did not become ready within 60 s")


async def directory(db: Database) -> list[str]:
    """Every active person's id, in id order."""
    rows = await db.read("people/people_page", after="", limit=10**7, department_id=None,
                         skill_id=None, min_proficiency=1, location=None, active=True)  # fmt: skip
    return [row["person"]["id"] for row in rows]


def page_starts(ids: list[str], pages: int) -> list[str]:
    """The keyset positions ('' first) of `pages` pages spread over the directory."""
    step = max(1, (len(ids) - PAGE) // pages)
    return ["", *[ids[i - 1] for i in range(step, len(ids) - PAGE, step)][: pages - 1]]


async def under_load(
    label: str, call: Callable[[int], Awaitable[None]], clients: int, per_client: int
) -> tuple[Timing, float]:
    """Runs `call` from `clients` concurrent loops, `per_client` times each (after a warm-up);
    returns the latencies and the requests per second."""
    await asyncio.gather(*(call(i) for i in range(clients)))
    samples: list[float] = []

    async def loop(client: int) -> None:
        for n in range(per_client):
            began = time.perf_counter()
            await call(client * per_client + n)
            samples.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    await asyncio.gather(*(loop(c) for c in range(clients)))
    elapsed = time.perf_counter() - began
    return Timing(label, samples), len(samples) / elapsed


async def main(people: int, clients: int, per_client: int) -> None:
    async with bench_database() as db:
        await ensure_generated_org(db, people)
        ids = await directory(db)
        starts = page_starts(ids, 40)

        async def raw(i: int) -> None:
            rows = await db.read(
                "people/people_page_with_details", after=starts[i % len(starts)], limit=PAGE
            )
            if len(rows) != PAGE:
                raise RuntimeError(f"raw page of {len(rows)} rows")

        port = free_port()
        token = issue_token(ids[0], [], SECRET, timedelta(hours=1))
        headers = {"Authorization": f"Bearer {token}"}
        limits = httpx.Limits(max_connections=clients)
        with tempfile.TemporaryFile() as log:
            server = start_server(bench_connection(), port, log)
            try:
                async with httpx.AsyncClient(
                    base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=60
                ) as http:
                    await wait_ready(http, server)

                    async def api(i: int) -> None:
                        start = starts[i % len(starts)]
                        after = encode_cursor(start) if start else None
                        response = await http.post(
                            "/graphql",
                            json={"query": SCREEN, "variables": {"after": after}},
                            headers=headers,
                        )
                        body = response.json()
                        if "errors" in body or len(body["data"]["people"]["edges"]) != PAGE:
                            raise RuntimeError(f"unexpected response: {response.text[:500]}")

                    api_timing, api_rate = await under_load(
                        "GraphQL over HTTP (talentgraph serve)", api, clients, per_client
                    )
            finally:
                server.terminate()
                server.wait(timeout=30)
        raw_timing, raw_rate = await under_load(
            "raw Cypher through the driver", raw, clients, per_client
        )

    print(f"API people page: {people:,} people, pages of {PAGE} with departments and skills, "
          f"{clients} concurrent clients, {clients * per_client} requests each way")  # fmt: skip
    print(f"{raw_timing.line()}   {raw_rate:8.1f} req/s")
    print(f"{api_timing.line(raw_timing)}   {api_rate:8.1f} req/s  "
          f"({raw_rate / api_rate:.2f}x fewer than raw)")  # fmt: skip


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    args = parser.parse_args()
    asyncio.run(main(args.people, args.clients, args.requests))


if __name__ == "__main__":
    cli()
