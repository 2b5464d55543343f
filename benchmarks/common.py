"""What every benchmark shares: its Neo4j, timing, and how figures are printed."""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from graph.connection import configured_connection, local_server
from graph.database import ConnectionInfo, Database, quiet_expected_retries
from graph.migrate import apply_schema
from graph.settings import Neo4jSettings
from seed.pipeline import dataset_is, mark_dataset, seed_org

SECRET = "benchmark-secret-that-is-long-enough-for-hs256"
"""What the benchmarks' `talentgraph serve` processes sign their tokens with."""


def bench_connection() -> ConnectionInfo:
    """The connection `bench_database` uses, for the server subprocesses."""
    return (
        configured_connection() if Neo4jSettings().uri else local_server("bench").connection_info()
    )


@asynccontextmanager
async def bench_database() -> AsyncIterator[Database]:
    """`NEO4J_URI` if set, else the benchmarks' own local server (started if needed)."""
    quiet_expected_retries()
    if Neo4jSettings().uri:
        info = configured_connection()
    else:
        server = local_server("bench")
        server.start()
        info = server.connection_info()
    db = Database.connect(info)
    try:
        await apply_schema(db)
        yield db
    finally:
        await db.close()


def load_average() -> str:
    """The machine's load average and cores, printed with figures measured on a shared box."""
    one, five, fifteen = os.getloadavg()
    return (
        f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min), {os.cpu_count()} cores"
    )


@dataclass(frozen=True)
class Timing:
    label: str
    samples_ms: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def line(self, baseline: Timing | None = None) -> str:
        ratio = f"  x{self.p50 / baseline.p50:6.2f} vs {baseline.label}" if baseline else ""
        return f"{self.label:<44} p50 {self.p50:9.2f} ms   p95 {self.p95:9.2f} ms{ratio}"


async def time_calls(
    label: str, call: Callable[[int], Awaitable[object]], runs: int, warmup: int = 3
) -> Timing:
    """Times `call(i)` for i in range(runs) after `warmup` untimed calls."""
    return (await time_interleaved({label: call}, runs, warmup))[0]


async def time_interleaved(
    calls: Mapping[str, Callable[[int], Awaitable[object]]], runs: int, warmup: int = 3
) -> list[Timing]:
    """Times each of `calls` (label: `call(i)`) for i in range(runs), taking turns call by call
    so that a change of the machine's load falls on all of them alike, after `warmup` untimed
    calls of each."""
    for i in range(warmup):
        for call in calls.values():
            await call(i)
    samples: dict[str, list[float]] = {label: [] for label in calls}
    for i in range(runs):
        for label, call in calls.items():
            began = time.perf_counter()
            await call(i)
            samples[label].append((time.perf_counter() - began) * 1000)
    return [Timing(label, found) for label, found in samples.items()]


async def ensure_generated_org(db: Database, people: int, seed: int = 7) -> None:
    """Makes the bench graph hold exactly the generated organisation of `people` and `seed`
    (the shipped taxonomy plus `talentgraph seed --people N --seed S`), re-using it when a
    previous run left it there. A benchmark that changes the graph must undo its changes."""
    if await dataset_is(db, people, seed):
        return
    await db.write_in_batches("admin/clear_graph")
    await seed_org(db, people=people, seed=seed)
    await mark_dataset(db, people, seed)


_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def fulltext_query(text: str) -> str:
    """The Lucene query the skill search used before the in-memory index (the baselines of
    `skill_search` and `skill_suggestions`): special characters escaped, every word
    fuzzy-prefixed, all words required."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", word) for word in text.lower().split()]
    return " AND ".join(f"({word}* OR {word}~)" for word in words if word)


def print_section(title: str, timings: list[Timing], baseline: Timing | None = None) -> None:
    """A titled block of timings, each but the baseline with its ratio to it."""
    print(f"  {title}")
    for timing in timings:
        print("    " + timing.line(baseline if timing is not baseline else None))


def run_per_size(doc: str, measure: Callable[[Database, int, int], Awaitable[None]]) -> None:
    """The command line of a benchmark measured per organisation size (`--people N [N ...]`,
    10,000 and 100,000 by default; `--runs` calls per figure): for each size, the generated
    organisation made ready and announced with the load average, then `measure(db, people,
    runs)`, on the benchmarks' Neo4j."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=50)
    arguments = parser.parse_args()

    async def each_size() -> None:
        async with bench_database() as db:
            for people in arguments.people:
                began = time.perf_counter()
                await ensure_generated_org(db, people)
                ready = time.perf_counter() - began
                print(f"\n== {people:,} people (organisation ready in {ready:.0f} s)")
                print(f"  {load_average()}")
                await measure(db, people, arguments.runs)

    asyncio.run(each_size())
