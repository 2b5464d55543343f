"""Marketplace analytics: impact metrics for a period and a department (with its sub-departments).

`authorise_scope` checks the viewer (hr or admin) and the request (a period whose end is not
before its start, a department that exists, sane limits) and returns the `Scope` every metric
takes; each metric is one Cypher file in `cypher/analytics/` (an analyst runs the same file in
Neo4j Browser) and takes the database directly, so the benchmark times the very same calls.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from typing import Any, cast

from graph.database import Database, Row
from graph.errors import NotFound, ValidationFailed
from resolvers.collaboration import Collaboration, CollaborationReport, collaboration_report
from resolvers.context import Context
from resolvers.permissions import require_analyst
from resolvers.records.analytics import (
    BenchSkillRow,
    CatalystRow,
    FillRateRow,
    MobilityRow,
    SavingsByMonthRow,
    SkillGrowthRow,
    SkillRiskRow,
    UtilisationRow,
)

MAX_TOP = 200
MAX_RISK_HOLDERS = 10
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


@dataclass(frozen=True)
class Scope:
    """What every metric is computed for: [start, end) and an optional department subtree."""

    start: datetime
    end: datetime
    department_id: str | None = None
    top: int = 10
    risk_holders: int = 2

    @classmethod
    def for_dates(
        cls, first: date, last: date, department_id: str | None = None, **limits: int
    ) -> Scope:
        """The period from the start of `first` to the end of `last` (both included), UTC."""
        start = datetime.combine(first, clock.min, UTC)
        end = datetime.combine(last + timedelta(days=1), clock.min, UTC)
        return cls(start, end, department_id, **limits)

    @property
    def params(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "department_id": self.department_id}


async def authorise_scope(
    ctx: Context,
    first: date,
    last: date,
    department_id: str | None,
    top: int,
    risk_holders: int,
) -> Scope:
    """The scope of an analytics request, or the error that refuses it."""
    require_analyst(ctx.viewer)
    for name, day in (("period.from", first), ("period.to", last)):
        if not EARLIEST <= day <= LATEST:
            raise ValidationFailed(name, f"must lie between {EARLIEST} and {LATEST}")
    if last < first:
        raise ValidationFailed("period.to", "the period ends before it starts")
    if not 1 <= top <= MAX_TOP:
        raise ValidationFailed("top", f"must be between 1 and {MAX_TOP}")
    if not 1 <= risk_holders <= MAX_RISK_HOLDERS:
        raise ValidationFailed("riskHolders", f"must be between 1 and {MAX_RISK_HOLDERS}")
    if department_id is not None and not await department(ctx.db, department_id):
        raise NotFound("Department", department_id)
    return Scope.for_dates(first, last, department_id, top=top, risk_holders=risk_holders)


async def department(db: Database, department_id: str) -> Row | None:
    rows = await db.read("analytics/scope_department", department_id=department_id)
    return rows[0] if rows else None


async def fill_rate(db: Database, scope: Scope) -> list[FillRateRow]:
    """Rows by `dimension`: `total`, `type` (key = gig type), `department` (key = its id)."""
    rows = await db.read("analytics/fill_rate", **scope.params)
    return cast(list[FillRateRow], rows[0]["rows"])


async def savings(db: Database, scope: Scope) -> list[SavingsByMonthRow]:
    """One row per month and department of the gig."""
    rows = await db.read("analytics/savings", **scope.params)
    return cast(list[SavingsByMonthRow], rows[0]["rows"])


async def utilisation(db: Database, scope: Scope) -> UtilisationRow:
    return cast(UtilisationRow, (await db.read("analytics/utilisation", **scope.params))[0])


async def bench_by_skill(db: Database, scope: Scope) -> list[BenchSkillRow]:
    rows = await db.read("analytics/bench_by_skill", **scope.params, limit=scope.top)
    return cast(list[BenchSkillRow], rows)


async def collaboration_pairs(
    db: Database, scope: Scope, level: int | None = None
) -> list[Collaboration]:
    rows = await db.read("analytics/collaboration_edges", **scope.params, level=level)
    return [Collaboration.from_row(pair) for pair in rows[0]["pairs"]]


def analysis_workers() -> ProcessPoolExecutor:
    """The process the collaboration analysis runs in (`workers` of `collaboration`), for its
    owner to hold while it serves (the service's lifespan, a benchmark) and shut down after.
    networkx is pure Python: in a thread it would hold the interpreter that decodes the other
    metrics' answers and folds the pulses of the same request; in its own process it computes
    beside them, on the other core. Spawned, not forked (the serving process runs threads), at
    the first analysis; one process, as one analysis at a time keeps a core busy."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


@dataclass(frozen=True)
class TimedReport:
    """The collaboration report, the names of the brokers it ranks, and its two costs apart: the
    Cypher reads and networkx (run in `workers`, or a worker thread, so the request's other
    metrics keep talking to Neo4j meanwhile; with the pickling to and from a process)."""

    report: CollaborationReport
    names: dict[str, str]
    cypher_s: float
    networkx_s: float


async def collaboration(
    db: Database, scope: Scope, level: int | None = None, workers: Executor | None = None
) -> TimedReport:
    """Collaboration between the departments people are members of, or, with `level`, between
    their ancestors at that depth of the department tree (0 = the top-level departments); the
    networkx analysis runs in `workers` (`analysis_workers`), or in a thread without them."""
    if level is not None and level < 0:
        raise ValidationFailed("level", "must be 0 (top-level departments) or more")
    began = time.perf_counter()
    pairs = await collaboration_pairs(db, scope, level)
    read = time.perf_counter()
    loop = asyncio.get_running_loop()
    report = await loop.run_in_executor(workers, collaboration_report, pairs, scope.top)
    analysed = time.perf_counter()
    rows = await db.read(
        "analytics/names_by_ids",
        person_ids=[broker.id for broker in report.person_brokers],
        department_ids=[broker.id for broker in report.department_brokers],
    )
    names = dict(rows[0]["people"]) | dict(rows[0]["departments"])
    return TimedReport(
        report, names, read - began + time.perf_counter() - analysed, analysed - read
    )


async def skill_growth(db: Database, scope: Scope) -> list[SkillGrowthRow]:
    """Rows by `dimension`: `total` and `month` (key = first day of the month)."""
    return cast(list[SkillGrowthRow], await db.read("analytics/skill_growth", **scope.params))


async def internal_mobility(db: Database, scope: Scope) -> MobilityRow:
    return cast(MobilityRow, (await db.read("analytics/internal_mobility", **scope.params))[0])


async def manager_catalysts(db: Database, scope: Scope) -> list[CatalystRow]:
    rows = await db.read(
        "analytics/manager_catalysts", **scope.params, manager_id=None, limit=scope.top
    )
    return cast(list[CatalystRow], rows)


async def skill_risk(db: Database, scope: Scope) -> list[SkillRiskRow]:
    rows = await db.read(
        "analytics/skill_risk",
        department_id=scope.department_id,
        max_holders=scope.risk_holders,
        limit=scope.top,
    )
    return cast(list[SkillRiskRow], rows)
