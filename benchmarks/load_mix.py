"""A realistic mix at 10, 50 and 100 concurrent users on a 10,000-person organisation.

    python -m benchmarks.load_mix [--people 10000] [--users 10 50 100] [--seconds 30]

`talentgraph serve` (production mode, one worker, a free loopback port) on the benchmarks' Neo4j;
locust (as a library, headless, `benchmarks.load_users`) runs each user count for `--seconds`
after a warm-up. The mix, per user: the directory, open gigs and one gig, recommendations,
applying and withdrawing, pending approvals (see load_users). The baseline, measured in the same
run, is 1 user: the same mix without contention. Prints throughput, p50 / p95 / p99 and the error
rate per user count; the gigs it applies to are created for the run and removed after it.
`--seconds` bounds the run: each level (the baseline too) takes about `--seconds` plus a warm-up
of at most 5 s and locust's start, so 1 + 3 levels at 90 s take about 7 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import (
    SECRET,
    bench_connection,
    bench_database,
    ensure_generated_org,
    load_average,
)
from graph.database import Database
from graph.vocabulary import GigStatus, Importance
from resolvers.identity import issue_token
from seed.loader import load_org
from seed.org import GigRow, GigSkillRow, OrgData
from service.processes import serving

PREFIX = "LOAD-"
APPLY_GIGS = 50


async def plan(db: Database, host: str, people: int) -> dict[str, Any]:
    """Tokens for `people` active people, the open gigs, and gigs to apply to (created here)."""
    rows = await db.read("admin/load_plan", people=people)
    [row] = rows
    ttl = timedelta(hours=2)
    owner = row["people"][0]
    skill = row["skill_id"]
    gigs = [
        GigRow(id=f"{PREFIX}{n}", title=f"Load drill {n}", owner_id=owner["id"],
               department_id=owner["department_id"], seats=100, status=GigStatus.OPEN)
        for n in range(APPLY_GIGS)
    ]  # fmt: skip
    await load_org(
        db,
        OrgData(
            gigs=gigs,
            gig_skills=[GigSkillRow(gig.id, skill, 2, Importance.REQUIRED) for gig in gigs],
        ),
    )
    return {
        "host": host,
        "people": [
            {"id": person["id"], "token": issue_token(person["id"], [], SECRET, ttl)}
            for person in row["people"]
        ],
        "gigs": row["open_gigs"],
        "apply_gigs": [gig.id for gig in gigs],
    }


def run_users(plan_file: Path, users: int, seconds: float) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.load_users", str(plan_file), str(users), str(seconds)],
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"load_users failed:\n{completed.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return figures


def line(figures: dict[str, Any], baseline: dict[str, Any] | None) -> str:
    rate = figures["failures"] / max(1, figures["requests"])
    ratio = f"  p50 x{figures['p50'] / max(1, baseline['p50']):5.2f} vs 1 user" if baseline else ""
    return (
        f"{figures['users']:>4} users: {figures['throughput']:7.1f} req/s  "
        f"p50 {figures['p50']:6.0f} ms  p95 {figures['p95']:6.0f} ms  p99 {figures['p99']:6.0f} ms"
        f"  errors {rate:6.2%} ({figures['failures']}/{figures['requests']}){ratio}"
        f"  load {figures['load_1min']:.1f}"
    )


async def main(people: int, levels: list[int], seconds: float) -> None:
    production = {"TALENTGRAPH_SECRET": SECRET, "TALENTGRAPH_MODE": "production"}
    before = load_average()
    async with bench_database() as db:
        await ensure_generated_org(db, people)
        await db.write("admin/remove_gigs_by_prefix", prefix=PREFIX)
        with (
            tempfile.TemporaryDirectory() as folder,
            serving(bench_connection(), settings=production) as service,
        ):
            plan_file = Path(folder) / "plan.json"
            plan_file.write_text(json.dumps(await plan(db, service.url, max(levels))))
            await service.wait_ready()
            baseline = await asyncio.to_thread(run_users, plan_file, 1, seconds)
            results = [
                await asyncio.to_thread(run_users, plan_file, users, seconds) for users in levels
            ]
        await db.write("admin/remove_gigs_by_prefix", prefix=PREFIX)
    print(
        f"Load mix: {people:,} people, talentgraph serve (1 worker, production), "
        f"{seconds:g} s per level after a warm-up, think time 0.1-0.5 s"
    )
    print(f"before: {before}; after: {load_average()}; per level: its 1-min load at its end")
    print(line(baseline, None) + "  (baseline)")
    for figures in results:
        print(line(figures, baseline))
    for figures in results:
        slowest = sorted(figures["by_name"].items(), key=lambda item: -item[1]["p95"])[:3]
        print(
            f"{figures['users']:>4} users, slowest p95: "
            + ", ".join(f"{name} {entry['p95']:.0f} ms" for name, entry in slowest)
        )
        for occurrences, error in figures["errors"]:
            print(f"     {occurrences:>5} x {error}")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=30.0, help="measured time per level")
    args = parser.parse_args()
    asyncio.run(main(args.people, args.users, args.seconds))


if __name__ == "__main__":
    cli()
