"""The API under load: three screens' queries against a real `talentgraph serve`.

    python -m benchmarks.api_people_page [--people 10000] [--clients 16] [--requests 25]
                                         [--rounds 5] [--workers N] [--baseline-checkout DIR]

The screens: the people directory (a page of 50 people with department and skills, pages spread
over the whole directory), a gig page (the gig with owner, department, requirements and its
applications with the applicants) and the candidates screen (the gig and its 20 best candidates
with department, reasons and gaps). `--clients` concurrent HTTP clients (`benchmarks.http_load`,
a process of their own, one keep-alive connection each) drive `talentgraph serve` subprocesses
(production mode, free loopback ports, the benchmarks' Neo4j) with 1 worker and with `--workers`
(default: the number of cores); the baseline is the same data as one hand-written Cypher query
through the driver, at the same concurrency, in the same run, right before. `--baseline-checkout`
also serves the screens from another checkout (the code before a change), 1 worker, in the same
run. Queries per request (`extensions.queries`) come from one request per screen to a
development-mode server of each checkout.

Each figure comes with the CPU time per request of the service processes, of Neo4j (its process's
clock, when the benchmarks' local server runs it) and of the client, and the cores the machine's
other load took meanwhile (`benchmarks.cpu_use`): on a machine whose cores the service shares with
Neo4j and the client, what N workers can gain is bounded by those figures, which the benchmark
prints next to the measured gain.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from benchmarks.common import (
    SECRET,
    Timing,
    bench_connection,
    bench_database,
    ensure_generated_org,
)
from benchmarks.cpu_use import Clocks, Run
from graph.connection import local_server
from graph.database import Database
from graph.settings import Neo4jSettings
from resolvers import matching
from resolvers.identity import issue_token
from resolvers.pagination import encode_cursor
from service.processes import ServiceProcess, serving

PAGE = 50
CANDIDATES = 20

PEOPLE_PAGE = """
query ($after: String) {
  people(first: 50, after: $after) {
    edges { node { id name title department { id name }
                   skills { proficiency validated skill { id label } } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

GIG_PAGE = """
query ($gig: ID!) {
  gig(id: $gig) {
    id title description status type hoursPerWeek seats
    owner { id name } department { id name }
    skills { minProficiency importance skill { id label } }
  }
  gigApplications(gigId: $gig) { id state origin createdAt person { id name title } }
}
"""

CANDIDATES_SCREEN = """
query ($gig: ID!) {
  gig(id: $gig) { id title }
  matchCandidates(gigId: $gig, first: 20) {
    person { id name title department { id name } }
    score coverage exposureFactor remainingHours
    reasons { skill { id label } how via { id label } proficiency evidenced contribution }
    gaps { skill { id label } missing }
  }
}
"""


@dataclass(frozen=True)
class Screen:
    title: str
    query: str
    variables: Callable[[int], dict[str, Any]]
    complete: Callable[[dict[str, Any]], bool]
    """Whether a response body holds the whole screen."""
    raw: Callable[[int], Awaitable[None]]
    """The same data as one hand-written Cypher query through the driver."""


async def directory(db: Database) -> list[str]:
    """Every active person's id, in id order."""
    rows = await db.read("people/people_page", after="", limit=10**7, department_id=None,
                         skill_id=None, min_proficiency=1, location=None, active=True,
                         with_department=False, with_manager=False, with_skills=False,
                         with_aspirations=False, with_total=False)  # fmt: skip
    return [person["id"] for person in rows[0]["page"]]


def page_starts(ids: list[str], pages: int) -> list[str]:
    """The keyset positions ('' first) of `pages` pages spread over the directory."""
    step = max(1, (len(ids) - PAGE) // pages)
    return ["", *[ids[i - 1] for i in range(step, len(ids) - PAGE, step)][: pages - 1]]


async def screens(db: Database, ids: list[str]) -> list[Screen]:
    starts = page_starts(ids, 40)
    gig_pages = [row["id"] for row in await db.read("gigs/gigs_with_applications", count=40)]
    open_gigs = (await db.read("matching/bench_subjects", count=40))[0]["gig_ids"]

    async def raw_people(i: int) -> None:
        rows = await db.read(
            "people/people_page_with_details", after=starts[i % len(starts)], limit=PAGE
        )
        if len(rows) != PAGE:
            raise RuntimeError(f"raw page of {len(rows)} rows")

    async def raw_gig(i: int) -> None:
        if not await db.read("gigs/gig_page_with_details", gig_id=gig_pages[i % len(gig_pages)]):
            raise RuntimeError("no gig")

    async def raw_candidates(i: int) -> None:
        await matching.ranked_candidates(db, open_gigs[i % len(open_gigs)], CANDIDATES)

    def people_after(i: int) -> dict[str, Any]:
        start = starts[i % len(starts)]
        return {"after": encode_cursor(start) if start else None}

    return [
        Screen(
            f"people directory: a page of {PAGE} people with department and skills",
            PEOPLE_PAGE,
            people_after,
            lambda body: len(body["data"]["people"]["edges"]) == PAGE,
            raw_people,
        ),
        Screen(
            "gig page: a gig with owner, department, requirements and applications",
            GIG_PAGE,
            lambda i: {"gig": gig_pages[i % len(gig_pages)]},
            lambda body: bool(body["data"]["gig"] and body["data"]["gigApplications"]),
            raw_gig,
        ),
        Screen(
            f"candidates screen: a gig and its {CANDIDATES} best candidates with reasons",
            CANDIDATES_SCREEN,
            lambda i: {"gig": open_gigs[i % len(open_gigs)]},
            lambda body: body["data"]["gig"] is not None,
            raw_candidates,
        ),
    ]


def bench_neo4j_pid() -> int | None:
    """The pid of the benchmarks' local Neo4j, whose CPU clock the figures read (None for a
    configured server elsewhere)."""
    return None if Neo4jSettings().uri else local_server("bench").status().pid


async def under_load(
    call: Callable[[int], Awaitable[None]], clients: int, per_client: int, first: int
) -> Run:
    """Runs `call(i)` from `clients` concurrent loops in this process, `per_client` times each,
    i from `first` on (after a warm-up), this process being the client."""
    await asyncio.gather(*(call(first + i) for i in range(clients)))
    samples: list[float] = []

    async def loop(client: int) -> None:
        for n in range(per_client):
            began = time.perf_counter()
            await call(first + client * per_client + n)
            samples.append((time.perf_counter() - began) * 1000)

    neo4j = bench_neo4j_pid()
    before, client_before = Clocks.read(None, neo4j), sum(os.times()[:2])
    began = time.perf_counter()
    await asyncio.gather(*(loop(c) for c in range(clients)))
    elapsed = time.perf_counter() - began
    client_s = sum(os.times()[:2]) - client_before
    return Run.between(before, Clocks.read(None, neo4j), samples, elapsed, client_s)


@dataclass(frozen=True)
class Server:
    label: str
    service: ServiceProcess
    http: httpx.AsyncClient
    token: str

    async def ask(self, screen: Screen, i: int) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": screen.query, "variables": screen.variables(i)}
        )
        body: dict[str, Any] = response.json()
        if "errors" in body or not screen.complete(body):
            raise RuntimeError(f"{self.label}: unexpected response {response.text[:500]}")
        return body

    async def under_load(self, screen: Screen, clients: int, per_client: int, first: int) -> Run:
        """`clients` concurrent clients (`benchmarks.http_load`) send `per_client` requests
        each, request i from `first` on."""
        bodies = [
            orjson.dumps({"query": screen.query, "variables": screen.variables(first + i)}).decode()
            for i in range(clients * per_client)
        ]
        job = {"port": urlsplit(self.service.url).port, "token": self.token, "clients": clients,
               "per_client": per_client, "bodies": bodies}  # fmt: skip
        load = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.http_load",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        if load.stdin is None or load.stdout is None:
            raise RuntimeError("the load process has no pipes")
        load.stdin.write(orjson.dumps(job))
        load.stdin.close()
        pids = self.service.process.pid, bench_neo4j_pid()
        await load.stdout.readline()  # measuring
        before = Clocks.read(*pids)
        await load.stdout.readline()  # measured
        after = Clocks.read(*pids)
        result = orjson.loads(await load.stdout.readline())
        await load.wait()
        if result["failure"]:
            raise RuntimeError(f"{self.label}: {result['failure']}")
        return Run.between(
            before, after, result["samples_ms"], result["elapsed_s"], result["cpu_s"]
        )


def start_servers(
    stack: ExitStack, configs: list[tuple[str, int, str, str | None]], clients: int, token: str
) -> Iterator[Server]:
    """One service process per (label, workers, mode, checkout), each with its HTTP client."""
    for label, workers, mode, checkout in configs:
        service = stack.enter_context(
            serving(
                bench_connection(),
                workers=workers,
                settings={
                    "TALENTGRAPH_SECRET": SECRET,
                    "TALENTGRAPH_MODE": mode,
                    # the benchmark measures throughput, not the per-viewer rate limit
                    "TALENTGRAPH_RATE_LIMIT_PER_MINUTE": str(10**9),
                    "TALENTGRAPH_RATE_LIMIT_BURST": str(10**9),
                },
                pythonpath=checkout,
            )
        )
        http = httpx.AsyncClient(
            base_url=service.url,
            limits=httpx.Limits(max_connections=clients),
            timeout=600,
            headers={"Authorization": f"Bearer {token}"},
        )
        yield Server(label, service, http, token)


async def main(
    people: int, clients: int, per_client: int, rounds: int, workers: int, baseline: str | None
) -> None:
    async with bench_database() as db:
        await ensure_generated_org(db, people)
        ids = await directory(db)
        all_screens = await screens(db, ids)
        # HR sees every application and every gig's candidates
        token = issue_token(ids[0], ["hr"], SECRET, timedelta(hours=2))
        configs: list[tuple[str, int, str, str | None]] = [
            ("GraphQL, 1 worker", 1, "production", None),
            (f"GraphQL, {workers} workers", workers, "production", None),
            ("queries (this checkout)", 1, "development", None),
        ]
        if baseline:
            configs += [
                ("GraphQL before, 1 worker", 1, "production", baseline),
                ("queries (before)", 1, "development", baseline),
            ]
        with ExitStack() as stack:
            servers = list(start_servers(stack, configs, clients, token))
            try:
                await asyncio.gather(*(server.service.wait_ready() for server in servers))
                each = max(1, per_client // rounds)
                print(f"API screens: {people:,} people, {clients} concurrent clients, "
                      f"{clients * each * rounds} requests per figure in {rounds} interleaved "
                      f"rounds; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
                      f"cores")  # fmt: skip
                for screen in all_screens:
                    await measure(screen, servers, clients, per_client, workers, rounds)
            finally:
                await asyncio.gather(*(server.http.aclose() for server in servers))


async def measure(
    screen: Screen,
    servers: list[Server],
    clients: int,
    per_client: int,
    workers: int,
    rounds: int,
) -> None:
    """Each figure in `rounds` rounds, every server (and the raw baseline) once a round, so
    that all of them meet the same drift of the machine's other load."""
    print(f"\n== {screen.title}")
    counted = [server for server in servers if server.label.startswith("queries")]
    for server in counted:
        body = await server.ask(screen, 1)
        print(f"  Cypher queries per request, {server.label[9:-1]}: "
              f"{body['extensions']['queries']}")  # fmt: skip
    measured = [server for server in servers if server not in counted]
    for server in measured:
        await server.ask(screen, 1)  # the whole screen, checked once in full
    runs: dict[str, Run] = {}
    each = max(1, per_client // rounds)
    for round in range(rounds):
        first = round * clients * each
        parts = [("raw", await under_load(screen.raw, clients, each, first))]
        for server in measured:
            parts.append((server.label, await server.under_load(screen, clients, each, first)))
        for label, run in parts:
            runs[label] = runs[label] + run if label in runs else run
    raw = Timing("raw Cypher through the driver", runs["raw"].samples_ms)
    print(f"  {raw.line()}   {runs['raw'].rate:7.1f} req/s")
    print(f"      {runs['raw'].cpu().line()}")
    for server in measured:
        run = runs[server.label]
        print(f"  {Timing(server.label, run.samples_ms).line(raw)}   {run.rate:7.1f} req/s")
        print(f"      {run.cpu().line()}")
    one, many = runs["GraphQL, 1 worker"], runs[f"GraphQL, {workers} workers"]
    one_cpu, many_cpu = one.cpu(), many.cpu()
    cores = os.cpu_count() or 1
    idle = one_cpu.bound_rps(1, cores), many_cpu.bound_rps(workers, cores)
    loaded = (
        one_cpu.bound_rps(1, one_cpu.free_cores()),
        many_cpu.bound_rps(workers, many_cpu.free_cores()),
    )
    print(f"  throughput: {workers} workers x{many.rate / one.rate:.2f} of 1 worker; 1 worker "
          f"serves x{runs['raw'].rate / one.rate:.2f} fewer requests than raw Cypher")  # fmt: skip
    print(f"  CPU bound: on {cores} idle cores these costs allow 1 worker {idle[0]:.1f} req/s, "
          f"{workers} workers {idle[1]:.1f} (x{idle[1] / idle[0]:.2f}); with the cores the other "
          f"load left them {loaded[0]:.1f} and {loaded[1]:.1f} "
          f"(x{loaded[1] / loaded[0]:.2f})")  # fmt: skip


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    parser.add_argument(
        "--rounds", type=int, default=5, help="rounds each figure is measured in, interleaved"
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--baseline-checkout", help="also serve the screens from this checkout (1 worker)"
    )
    args = parser.parse_args()
    asyncio.run(
        main(
            args.people,
            args.clients,
            args.requests,
            args.rounds,
            args.workers,
            args.baseline_checkout,
        )
    )


if __name__ == "__main__":
    cli()
