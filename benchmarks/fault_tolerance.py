"""The service while its Neo4j fails: stopped cleanly, then killed with SIGKILL, then started.

    python -m benchmarks.fault_tolerance [--for bench|tests] [--readers 4] [--writers 2]
                                         [--down 8] [--people 10000]

A `talentgraph serve` subprocess (production mode, its default database deadlines, a free
loopback port) serves bounded load: `--readers` loops read a person, `--writers` loops create
draft gigs with ids they record once the API acknowledged them; each loop is another active
person (their own token), pausing 0.1 s between requests (within the API's rate limit per
person). Each fault (a clean stop, then SIGKILL of the Java process) keeps Neo4j down for
`--down` seconds and starts it again. Printed:

- time to the first error after the fault, and how long requests sent during the outage waited
  for their answer (p50 / max; the healthy phase before is the baseline);
- time to recover: from Neo4j answering Bolt again to the first successful read and write;
- acknowledged writes lost (every acknowledged gig id is looked up afterwards; must be 0);
- 5xx answers other than 503 and INTERNAL errors (must be 0), and 503s (expected while down).

Every loop stops by itself after the last phase; every request has a 30 s timeout. Traffic goes
to 127.0.0.1 only. The server's Neo4j must be one this benchmark may stop: the benchmarks' (the
default) or the tests' (`--for tests`, not while a test run uses it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

import httpx

from benchmarks.common import SECRET, ensure_generated_org, load_average
from graph.connection import local_server
from graph.database import Database
from graph.local_server import LocalNeo4j
from graph.migrate import apply_schema
from resolvers.identity import issue_token
from service.processes import serving

READ = "query($id: ID!) { person(id: $id) { id name } }"
WRITE = """mutation($id: ID!, $department: ID!) {
  createGig(input: {id: $id, title: "Fault drill", type: PROJECT, departmentId: $department}) {
    result { __typename } } }"""
Fault = Literal["stop", "kill"]
PAUSE_S = 0.1  # between a loop's requests: at most 600 a minute, the API's limit per person


@dataclass
class Answer:
    sent: float
    received: float
    kind: Literal["read", "write"]
    ok: bool
    status: int
    codes: tuple[str, ...] = ()

    @property
    def waited_s(self) -> float:
        return self.received - self.sent


@dataclass
class Record:
    answers: list[Answer] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    transport_errors: int = 0


@dataclass(frozen=True)
class Phase:
    fault: Fault
    injected: float
    back: float  # when Neo4j answered Bolt again


class Load:
    """Readers and writers against the API until `stop` is set."""

    def __init__(self, http: httpx.AsyncClient, people: list[dict[str, str]]) -> None:
        self.http = http
        self.people = people  # one per loop, so each loop stays within the API's rate limit
        self.tokens = [issue_token(p["id"], [], SECRET, timedelta(hours=1)) for p in people]
        self.record = Record()
        self.stop = asyncio.Event()
        self._serial = 0

    async def _ask(
        self, loop: int, kind: Literal["read", "write"], body: dict[str, object]
    ) -> Answer:
        sent = time.monotonic()
        headers = {"Authorization": f"Bearer {self.tokens[loop]}"}
        try:
            response = await self.http.post("/graphql", json=body, headers=headers)
        except httpx.TransportError:
            self.record.transport_errors += 1
            return Answer(sent, time.monotonic(), kind, False, 0)
        payload = response.json()
        codes = tuple(
            str((error.get("extensions") or {}).get("code")) for error in payload.get("errors", [])
        )
        ok = response.status_code == 200 and not codes
        if ok and kind == "write":
            ok = payload["data"]["createGig"]["result"]["__typename"] == "Gig"
        answer = Answer(sent, time.monotonic(), kind, ok, response.status_code, codes)
        self.record.answers.append(answer)
        return answer

    async def recovered(self, since: float, limit_s: float = 60.0) -> None:
        """Returns once a read and a write sent after `since` succeeded (or after `limit_s`)."""
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            kinds = {a.kind for a in self.record.answers if a.ok and a.sent >= since}
            if kinds >= {"read", "write"}:
                return
            await asyncio.sleep(0.1)

    async def reader(self, loop: int) -> None:
        while not self.stop.is_set():
            variables = {"id": self.people[loop]["id"]}
            await self._ask(loop, "read", {"query": READ, "variables": variables})
            await asyncio.sleep(PAUSE_S)

    async def writer(self, loop: int) -> None:
        while not self.stop.is_set():
            self._serial += 1
            gig_id = f"FAULT-{loop}-{self._serial}"
            variables = {"id": gig_id, "department": self.people[loop]["department_id"]}
            answer = await self._ask(loop, "write", {"query": WRITE, "variables": variables})
            if answer.ok:
                self.record.acknowledged.append(gig_id)
            await asyncio.sleep(PAUSE_S)


async def bolt_answers(server: LocalNeo4j) -> bool:
    db = Database.connect(server.connection_info())
    try:
        await db.read("admin/ping")
        return True
    except Exception:
        return False
    finally:
        await db.close()


async def inject(server: LocalNeo4j, fault: Fault, down_s: float) -> Phase:
    injected = time.monotonic()
    if fault == "stop":
        await asyncio.to_thread(server.stop)
    else:
        pid = server.status().pid
        assert pid is not None, "Neo4j is not running"
        os.kill(pid, signal.SIGKILL)
        while server.status().running:  # noqa: ASYNC110 (polls another process)
            await asyncio.sleep(0.05)
    await asyncio.sleep(down_s)
    await asyncio.to_thread(server.start)
    while not await bolt_answers(server):  # noqa: ASYNC110 (polls another process)
        await asyncio.sleep(0.05)
    return Phase(fault, injected, time.monotonic())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def report(record: Record, phases: list[Phase], healthy_until: float, lost: int) -> None:
    answers = record.answers
    healthy = [a.waited_s * 1000 for a in answers if a.received < healthy_until]
    print(
        f"healthy baseline: {len(healthy)} requests, p50 {statistics.median(healthy):.1f} ms, "
        f"p95 {percentile(healthy, 0.95):.1f} ms"
    )
    for phase in phases:
        during = [a for a in answers if phase.injected <= a.sent < phase.back]
        errors = [a for a in during if not a.ok]
        first_error = min((a.received for a in errors), default=float("nan"))
        waits = [a.waited_s for a in errors]
        after = [a for a in answers if a.sent >= phase.back]
        first_read = min((a.received for a in after if a.ok and a.kind == "read"), default=None)
        first_write = min((a.received for a in after if a.ok and a.kind == "write"), default=None)
        recover_read = (first_read - phase.back) if first_read else float("nan")
        recover_write = (first_write - phase.back) if first_write else float("nan")
        print(
            f"{phase.fault:>4}: first error {first_error - phase.injected:6.2f} s after the fault;"
            f" {len(errors)} errors while down, answered in p50 "
            f"{statistics.median(waits) if waits else float('nan'):.2f} s, max "
            f"{max(waits, default=float('nan')):.2f} s; Neo4j down "
            f"{phase.back - phase.injected:.1f} s; recovered: first read {recover_read:.2f} s, "
            f"first write {recover_write:.2f} s after Neo4j answered"
        )
        for kind in ("read", "write"):
            succeeded = [a for a in after if a.kind == kind and a.ok]
            if not succeeded:
                continue
            first = min(succeeded, key=lambda a: a.received)
            failed = Counter(
                f"{a.status} {'/'.join(a.codes)}".strip()
                for a in after
                if a.kind == kind and not a.ok and a.received < first.received
            )
            print(
                f"      first {kind}: sent {first.sent - phase.back:.2f} s after Neo4j answered, "
                f"answered in {first.waited_s:.2f} s; {sum(failed.values())} failed before it"
                + (f" ({', '.join(f'{n} x {what}' for what, n in failed.most_common())})"
                   if failed else "")
            )  # fmt: skip
    statuses = [a.status for a in answers]
    other_5xx = sum(1 for s in statuses if s >= 500 and s != 503)
    internal = sum(1 for a in answers if "INTERNAL" in a.codes)
    print(
        f"requests {len(answers)}: 503 {statuses.count(503)}, other 5xx {other_5xx}, "
        f"INTERNAL {internal}, transport errors {record.transport_errors}"
    )
    print(f"acknowledged writes {len(record.acknowledged)}, lost {lost}")


async def main(role: Literal["bench", "tests"], readers: int, writers: int, down_s: float,
               people: int) -> None:  # fmt: skip
    server = local_server(role)
    await asyncio.to_thread(server.start)
    db = Database.connect(server.connection_info())
    try:
        await apply_schema(db)
        await ensure_generated_org(db, people)
        [plan] = await db.read("admin/load_plan", people=readers + writers)
        await db.write("admin/remove_gigs_by_prefix", prefix="FAULT-")
    finally:
        await db.close()
    production = {"TALENTGRAPH_SECRET": SECRET, "TALENTGRAPH_MODE": "production"}
    before = load_average()
    with serving(server.connection_info(), settings=production) as service:
        await service.wait_ready()
        async with httpx.AsyncClient(base_url=service.url, timeout=30) as http:
            load = Load(http, plan["people"])
            loops = [asyncio.create_task(load.reader(n)) for n in range(readers)]
            loops += [asyncio.create_task(load.writer(readers + n)) for n in range(writers)]
            await asyncio.sleep(5)
            healthy_until = time.monotonic()
            phases = []
            for fault in ("stop", "kill"):
                phases.append(await inject(server, fault, down_s))
                await load.recovered(phases[-1].back)
                await asyncio.sleep(2)
            load.stop.set()
            await asyncio.gather(*loops)
    db = Database.connect(server.connection_info())
    try:
        rows = await db.read(
            "gigs/gigs_by_ids", ids=load.record.acknowledged,
            with_owner=False, with_department=False, with_skills=False,
        )  # fmt: skip
        await db.write("admin/remove_gigs_by_prefix", prefix="FAULT-")
    finally:
        await db.close()
    lost = len(set(load.record.acknowledged) - {row["key"] for row in rows})
    print(
        f"Fault tolerance: {people:,} people, {readers} readers and {writers} writers against "
        f"talentgraph serve; Neo4j ({role}) stopped, then SIGKILLed, {down_s:g} s down each"
    )
    print(f"before: {before}; after: {load_average()}")
    report(load.record, phases, healthy_until, lost)


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--for", dest="role", choices=["bench", "tests"], default="bench")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--down", type=float, default=8.0, help="seconds Neo4j stays down")
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(main(args.role, args.readers, args.writers, args.down, args.people))


if __name__ == "__main__":
    cli()
