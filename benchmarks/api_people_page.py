"""The API under load: three screens' queries against a real `talentgraph serve`.

    python -m benchmarks.api_people_page [--people 10000] [--clients 16] [--requests 25]
                                         [--workers N] [--baseline-checkout DIR]

The screens: the people directory (a page of 50 people with department and skills, pages spread
over the whole directory), a gig page (the gig with owner, department, requirements and its
applications with the applicants) and the candidates screen (the gig and its 20 best candidates
with department, reasons and gaps). `--clients` concurrent HTTP clients drive `talentgraph serve`
subprocesses (production mode, free loopback ports, the benchmarks' Neo4j) with 1 worker and with
`--workers` (default: the number of cores); the baseline is the same data as one hand-written
Cypher query through the driver, at the same concurrency, in the same run, right before.
`--baseline-checkout` also serves the screens from another checkout (the code before a change),
1 worker, in the same run. Queries per request (`extensions.queries`) come from one request per
screen to a development-mode server of each checkout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from benchmarks.common import (
    SECRET,
    Timing,
    bench_connection,
    bench_database,
    ensure_generated_org,
)
from graph.database import Database
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
                         with_aspirations=False)  # fmt: skip
    return [row["person"]["id"] for row in rows]


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


@dataclass(frozen=True)
class Server:
    label: str
    service: ServiceProcess
    http: httpx.AsyncClient

    async def ask(self, screen: Screen, i: int) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": screen.query, "variables": screen.variables(i)}
        )
        body: dict[str, Any] = response.json()
        if "errors" in body or not screen.complete(body):
            raise RuntimeError(f"{self.label}: unexpected response {response.text[:500]}")
        return body


def start_servers(
    stack: ExitStack, configs: list[tuple[str, int, str, str | None]], clients: int, token: str
) -> Iterator[Server]:
    """One service process per (label, workers, mode, checkout), each with its HTTP client."""
    for label, workers, mode, checkout in configs:
        service = stack.enter_context(
            serving(
                bench_connection(),
                workers=workers,
                settings={"TALENTGRAPH_SECRET": SECRET, "TALENTGRAPH_MODE": mode},
                pythonpath=checkout,
            )
        )
        http = httpx.AsyncClient(
            base_url=service.url,
            limits=httpx.Limits(max_connections=clients),
            timeout=600,
            headers={"Authorization": f"Bearer {token}"},
        )
        yield Server(label, service, http)


async def main(
    people: int, clients: int, per_client: int, workers: int, baseline: str | None
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
                print(f"API screens: {people:,} people, {clients} concurrent clients, "
                      f"{clients * per_client} requests per figure; load average "
                      f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
                for screen in all_screens:
                    await measure(screen, servers, clients, per_client, workers)
            finally:
                await asyncio.gather(*(server.http.aclose() for server in servers))


async def measure(
    screen: Screen, servers: list[Server], clients: int, per_client: int, workers: int
) -> None:
    print(f"\n== {screen.title}")
    counted = [server for server in servers if server.label.startswith("queries")]
    for server in counted:
        body = await server.ask(screen, 1)
        print(f"  Cypher queries per request, {server.label[9:-1]}: "
              f"{body['extensions']['queries']}")  # fmt: skip
    raw, raw_rate = await under_load(
        "raw Cypher through the driver", screen.raw, clients, per_client
    )
    print(f"  {raw.line()}   {raw_rate:7.1f} req/s")
    rates: dict[str, float] = {}
    for server in servers:
        if server in counted:
            continue

        async def call(i: int, server: Server = server) -> None:
            await server.ask(screen, i)

        timing, rate = await under_load(server.label, call, clients, per_client)
        rates[server.label] = rate
        print(f"  {timing.line(raw)}   {rate:7.1f} req/s")
    one, many = rates["GraphQL, 1 worker"], rates[f"GraphQL, {workers} workers"]
    print(f"  throughput: {workers} workers x{many / one:.2f} of 1 worker; "
          f"1 worker serves x{raw_rate / one:.2f} fewer requests than raw Cypher")  # fmt: skip


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--baseline-checkout", help="also serve the screens from this checkout (1 worker)"
    )
    args = parser.parse_args()
    asyncio.run(
        main(args.people, args.clients, args.requests, args.workers, args.baseline_checkout)
    )


if __name__ == "__main__":
    cli()
