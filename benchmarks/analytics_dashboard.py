"""The analytics dashboard on a generated organisation: seconds per metric, Cypher and networkx
apart, and the whole dashboard as a dashboard asks for it (one GraphQL request).

    python -m benchmarks.analytics_dashboard [--people 100000] [--runs 3] [--days 365]

The organisation comes from `benchmarks.common.ensure_generated_org` (people, gigs and their
history: completed gigs, engagements, approvals); the period is the `--days` up to today, for the
whole organisation (the largest scope a dashboard asks for). Each metric is timed `--runs`
times after one warm-up run; the baseline is the metrics run one after another, next to the
GraphQL request that resolves them concurrently; networkx runs in the worker process
(`resolvers.analytics.analysis_workers`) as the service runs it. Target: the whole dashboard
under 5 s. The
dashboard asks engagement both for every department (the whole folding, its total shown) and by
the top departments (`level: 1`, every group shown), sentiment by the top departments. The pulse
metrics read each group's tally; next to that read, the read of the raw counters the results
were computed from before (`analytics/pulse_groups` with every department's line and
`analytics/pulse_scores`, one row per group and question: what Browser still shows) is the
baseline, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from datetime import date, timedelta
from functools import partial
from typing import Any

from benchmarks.common import (
    Timing,
    bench_database,
    ensure_generated_org,
    load_average,
    time_calls,
)
from benchmarks.in_process import SERVICE_SCHEMA, SETTINGS
from graph.database import Database
from graph.vocabulary import SurveyMeasure
from resolvers import analytics
from resolvers.analytics import Scope, analysis_workers
from resolvers.context import Context
from resolvers.identity import Viewer
from resolvers.surveys import champions as survey_champions
from resolvers.surveys import results as survey_results
from resolvers.surveys.anonymity import PulsePeriod, previous_quarter
from resolvers.surveys.pulses import quarters_between

TARGET_S = 5.0

DASHBOARD = """
query Dashboard($period: PeriodInput!) {
  analytics(period: $period) {
    __typename
    ... on UserError { message }
    ... on Analytics {
      fillRate { total { published filled fillRate medianDaysToFill p90DaysToFill }
                 byType { key fillRate } byDepartment { key fillRate } }
      savings { total hoursWorked byMonthAndDepartment { month departmentId savings } }
      utilisation { people utilisation benchPeople benchBySkill { skillLabel benchPeople } }
      collaboration { index departmentDensity departmentModularity communityModularity
                      communities siloRatio departmentBrokers { name betweenness }
                      personBrokers { name betweenness } }
      skillGrowth { total { newSkills proficiencyGained aspirationsRealised } byMonth { month } }
      internalMobility { share }
      managers { managerName growthShare medianDecisionHours }
      skillRisk { departmentName skillLabel holderIds openGigs aspirants { name } }
      engagement { period total { respondents responseRate score trend enps } }
      functions: engagement(level: 1) { period groups {
        departmentName includes { name } respondents responseRate score trend enps comments } }
      managerSentiment(level: 1) { period total { respondents score trend }
                                   groups { departmentName respondents score trend } }
      champions { name points reasons }
    }
  }
}
"""

Metric = Callable[[Database, Scope], Awaitable[Any]]
METRICS: dict[str, Metric] = {
    "fill rate and speed": analytics.fill_rate,
    "savings": analytics.savings,
    "utilisation": analytics.utilisation,
    "bench by skill": analytics.bench_by_skill,
    "skill growth": analytics.skill_growth,
    "internal mobility": analytics.internal_mobility,
    "managers as catalysts": analytics.manager_catalysts,
    "skill risk": analytics.skill_risk,
    "engagement (pulse, after the floor)": partial(
        survey_results.pulse, measures=SurveyMeasure.ENGAGEMENT
    ),
    "manager sentiment (pulse, after the floor)": partial(
        survey_results.pulse, measures=SurveyMeasure.MANAGER_SENTIMENT
    ),
}


def size(result: Any) -> str:
    if isinstance(result, list) and result and isinstance(result[0], PulsePeriod):
        groups = sum(len(period.groups) for period in result)
        return f"{len(result)} quarters, {groups} groups shown"
    return f"{len(result)} rows" if isinstance(result, list) else "1 row"


async def time_champions(db: Database, scope: Scope, runs: int, workers: Executor) -> Timing:
    """Champions' own Cypher, given the collaboration report (which the dashboard computes
    once for both fields)."""
    report = (await analytics.collaboration(db, scope, workers=workers)).report

    async def call(_: int) -> None:
        await survey_champions.champions(db, scope, report)

    timing = await time_calls("champions (Cypher)", call, runs, warmup=1)
    print(f"  champions: {len(await survey_champions.champions(db, scope, report))} rows")
    return timing


async def time_collaboration(
    db: Database, scope: Scope, runs: int, workers: Executor
) -> tuple[Timing, Timing]:
    """The collaboration metric's two parts: the Cypher read and the networkx analysis (in the
    worker process, as the service runs it: pickling there and back included)."""
    await analytics.collaboration(db, scope, workers=workers)
    reads, analyses = [], []
    for _ in range(runs):
        timed = await analytics.collaboration(db, scope, workers=workers)
        reads.append(timed.cypher_s * 1000)
        analyses.append(timed.networkx_s * 1000)
    report = timed.report
    print(
        f"  collaboration: {report.engagements} engagements, {report.people} people, "
        f"{report.departments} departments, {report.communities} communities, "
        f"index {report.index:.3f}, modularity departments {report.department_modularity:.3f} "
        f"vs communities {report.community_modularity:.3f}"
    )
    return Timing("collaboration: Cypher", reads), Timing("collaboration: networkx", analyses)


async def time_pulse_reads(db: Database, scope: Scope, runs: int) -> tuple[Timing, Timing]:
    """What the engagement results are folded from: the raw counters (the baseline) against the
    groups' tallies with the department tree and the questions."""
    periods = quarters_between(scope.start.date(), (scope.end - timedelta(days=1)).date())
    asked = {
        "measures": SurveyMeasure.ENGAGEMENT,
        "periods": [previous_quarter(periods[0]), *periods],
    }

    async def counters(_: int) -> None:
        await asyncio.gather(
            db.read("analytics/pulse_groups", **asked), db.read("analytics/pulse_scores", **asked)
        )

    async def tallies(_: int) -> None:
        await survey_results.pulse_counters(db, scope, SurveyMeasure.ENGAGEMENT)

    return (
        await time_calls("engagement read: raw counters (baseline)", counters, runs, warmup=1),
        await time_calls("engagement read: tallies", tallies, runs, warmup=1),
    )


async def time_dashboard(
    db: Database, first: date, last: date, runs: int, workers: Executor
) -> Timing:
    context = Context(
        db=db,
        viewer=Viewer("bench", frozenset({"employee", "hr"})),
        settings=SETTINGS,
        workers=workers,
    )
    period = {"from": first.isoformat(), "to": last.isoformat()}

    async def request(_: int) -> None:
        result = await SERVICE_SCHEMA.execute(
            DASHBOARD, variable_values={"period": period}, context_value=context
        )
        if result.errors or not result.data:
            raise RuntimeError(f"the dashboard failed: {result.errors}")
        if result.data["analytics"]["__typename"] != "Analytics":
            raise RuntimeError(f"the dashboard was refused: {result.data['analytics']}")

    return await time_calls("whole dashboard (one GraphQL request)", request, runs, warmup=1)


async def main(people: int, runs: int, days: int) -> None:
    last = date.today()
    first = last - timedelta(days=days - 1)
    scope = Scope.for_dates(first, last)
    print(load_average())
    with analysis_workers() as workers:
        async with bench_database() as db:
            began = time.perf_counter()
            await ensure_generated_org(db, people)
            print(f"organisation of {people:,} people ready in {time.perf_counter() - began:.1f} s")
            print(f"period {first} .. {last}, whole organisation, {runs} runs after a warm-up\n")
            timings: list[Timing] = []
            for label, metric in METRICS.items():

                async def call(_: int, metric: Metric = metric) -> None:
                    await metric(db, scope)

                timings.append(await time_calls(label, call, runs, warmup=1))
                print(f"  {label}: {size(await metric(db, scope))}")
            timings.extend(await time_collaboration(db, scope, runs, workers))
            timings.append(await time_champions(db, scope, runs, workers))
            counters, tallies = await time_pulse_reads(db, scope, runs)
            dashboard = await time_dashboard(db, first, last, runs, workers)
    sequential = Timing("metrics one after another (baseline)", [
        sum(t.samples_ms[i] for t in timings) for i in range(runs)
    ])  # fmt: skip
    print()
    for timing in timings:
        print(timing.line())
    cypher_ms = sum(t.p50 for t in timings if t.label != "collaboration: networkx")
    networkx_ms = next(t.p50 for t in timings if t.label == "collaboration: networkx")
    print(f"{'all Cypher':<44} p50 {cypher_ms:9.2f} ms")
    print(f"{'all networkx':<44} p50 {networkx_ms:9.2f} ms")
    print(counters.line())
    print(tallies.line(counters))
    print(sequential.line())
    print(dashboard.line(sequential))
    verdict = "meets" if dashboard.p50 / 1000 < TARGET_S else "misses"
    print(
        f"\nwhole dashboard: {dashboard.p50 / 1000:.2f} s median "
        f"(max {max(dashboard.samples_ms) / 1000:.2f} s); {verdict} the {TARGET_S:.0f} s target"
    )
    print(f"spread of the baseline: {statistics.pstdev(sequential.samples_ms):.0f} ms")
    print(load_average())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--days", type=int, default=365)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.people, arguments.runs, arguments.days))
