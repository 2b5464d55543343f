"""Imports a generated 100,000-person organisation (about 1.5 million skill edges) into the bench
Neo4j, the way `talentgraph seed` does, and prints rows/s per phase.

    python -m benchmarks.import_org [--people 100000] [--seed 7] [--reimport]

Phases: taxonomy import, generation, writing the HRIS CSV export, reading and validating it
(against the graph too), then each loader phase (UNWIND batches). The baseline is the same
person-skill query sent one row per transaction, measured on a sample in the same run. With
`--reimport` the same export is imported a second time (idempotent: nothing changes). The graph
is left marked as the generated organisation, so `ensure_generated_org` re-uses it.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from itertools import islice
from pathlib import Path
from typing import TypeVar

from benchmarks.common import bench_database
from graph.database import Database
from seed.generate import generate_org
from seed.loader import BATCH_SIZE, PhaseResult, write_batches
from seed.org_import import write_org_dir
from seed.pipeline import graph_counts, import_org_dir, import_taxonomy, mark_dataset
from seed.taxonomy import read_taxonomy

T = TypeVar("T")

EDGE_PHASES = {
    "department tree",
    "reporting lines",
    "person skills",
    "aspirations",
    "gig skills",
    "demonstrated skills",
}
BASELINE_ROWS = 1_000


def line(label: str, rows: int, seconds: float, unit: str = "rows") -> str:
    rate = rows / seconds if seconds else float("inf")
    return f"  {label:<26} {rows:>10,} {unit:<6} {seconds:8.2f} s {rate:>12,.0f} {unit}/s"


async def timed(label: str, work: Callable[[], Awaitable[T]]) -> tuple[T, float]:
    began = time.perf_counter()
    result = await work()
    seconds = time.perf_counter() - began
    print(f"  {label:<26} {seconds:8.2f} s", flush=True)
    return result, seconds


def report(title: str, results: list[PhaseResult], people: int) -> float:
    print(title)
    for result in results:
        print(line(result.phase, result.rows, result.seconds))
    total = sum(result.seconds for result in results)
    edges = sum(result.rows for result in results if result.phase in EDGE_PHASES)
    print(line("all phases: people", people, total, "people"))
    print(line("all phases: edges", edges, total, "edges"))
    return total


async def run(people: int, seed: int, reimport: bool) -> None:
    async with bench_database() as db:
        print(f"import_org: {people:,} people, seed {seed}")
        await timed("clear graph", lambda: db.write_in_batches("admin/clear_graph"))
        taxonomy_results, _ = await timed("taxonomy import", lambda: import_taxonomy(db))
        for result in taxonomy_results:
            print(line(f"  {result.phase}", result.rows, result.seconds))
        taxonomy = read_taxonomy()
        began = time.perf_counter()
        org = generate_org(taxonomy, people, seed=seed)
        generated = time.perf_counter() - began
        print(f"  {'generate':<26} {generated:8.2f} s")
        with tempfile.TemporaryDirectory(prefix="talentgraph-bench-") as folder:
            began = time.perf_counter()
            write_org_dir(org, Path(folder))
            print(f"  {'write CSV export':<26} {time.perf_counter() - began:8.2f} s")
            began = time.perf_counter()
            validated, _ = await import_org_dir(db, Path(folder), dry_run=True)
            validating = time.perf_counter() - began
            print(line("read + validate export", len(validated.person_skills), validating))
            _, results = await import_org_dir(db, Path(folder))
            loading = report(f"load (UNWIND batches of {BATCH_SIZE:,}):", results, people)
            print(f"  {'import total (validate+load)':<26} {validating + loading:8.2f} s")
            await mark_dataset(db, people, seed)
            await baseline(db, list(islice(validated.person_skills, BASELINE_ROWS)), results)
            if reimport:
                _, again = await import_org_dir(db, Path(folder))
                report("re-import of the same export (changes nothing):", again, people)
        counts = await graph_counts(db)
        print(f"graph: {counts.people:,} people, {counts.departments:,} departments, "
              f"{counts.gigs:,} gigs, {counts.taxonomy_skills:,} taxonomy skills")  # fmt: skip


async def baseline(db: Database, sample: Sequence[object], results: list[PhaseResult]) -> None:
    """The person-skill phase's query one row per transaction, on a sample (already written, so
    the writes change nothing), against its batched rate."""
    single = await write_batches(
        db, "imports/upsert_person_skills", "person skills", sample, batch_size=1
    )
    batched = next(result for result in results if result.phase == "person skills")
    batched_rate = batched.rows / batched.seconds
    single_rate = single.rows / single.seconds
    print("baseline: person skills one row per transaction")
    print(line("row by row", single.rows, single.seconds))
    print(f"  batched is x{batched_rate / single_rate:.1f} faster than row by row")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reimport", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(args.people, args.seed, args.reimport))


if __name__ == "__main__":
    main()
