"""Engagement on growth and manager sentiment on talent sharing, for the analytics: per quarter
of the period and department, after the anonymity floor (`resolvers.surveys.anonymity`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from graph.database import Database, Row
from graph.errors import ValidationFailed
from graph.vocabulary import SurveyMeasure
from resolvers.analytics import Scope
from resolvers.surveys.anonymity import DepartmentRef, PulsePeriod, previous_quarter, pulse_periods
from resolvers.surveys.pulses import quarters_between

DEFAULT_MIN_GROUP = 5


@dataclass(frozen=True)
class PulseCounters:
    """What a measure's results are folded from, read once per request however many fields
    fold them (the dashboard asks engagement for every department and by function): the
    quarters overlapping the scope's period, the tallies of those and of the quarter before,
    the department tree, the questions, and the scope's department."""

    periods: list[str]
    tallies: list[Row]
    departments: list[Row]
    questions: list[Row]
    scope: DepartmentRef | None


async def pulse_counters(db: Database, scope: Scope, measures: SurveyMeasure) -> PulseCounters:
    periods = quarters_between(scope.start.date(), (scope.end - timedelta(days=1)).date())
    tallies, tree, questions = await asyncio.gather(
        db.read(
            "analytics/pulse_tallies",
            measures=measures,
            periods=[previous_quarter(periods[0]), *periods],
        ),
        db.read("departments/department_tree"),
        db.read("analytics/pulse_questions", measures=measures),
    )
    department = None
    if scope.department_id is not None:
        found = await db.read("analytics/scope_department", department_id=scope.department_id)
        department = DepartmentRef(found[0]["id"], found[0]["name"])
    return PulseCounters(
        periods, tallies, tree[0]["departments"], questions[0]["questions"], department
    )


async def fold(
    counters: PulseCounters,
    floor: int = DEFAULT_MIN_GROUP,
    level: int | None = None,
    groups: bool = True,
) -> list[PulsePeriod]:
    """The quarters overlapping the scope's period, each with its groups (at least `floor`
    respondents each) and their trend against the quarter before; with `level`, departments
    rolled up to their ancestor at that depth (0: the top departments); without `groups`, the
    totals alone (each period's `groups` empty). The folding runs in a worker thread, so the
    request's other metrics keep talking to Neo4j meanwhile."""
    if level is not None and level < 0:
        raise ValidationFailed("level", "must be 0 (top-level departments) or more")
    return await asyncio.to_thread(
        pulse_periods,
        counters.departments,
        counters.tallies,
        counters.questions,
        counters.periods,
        floor,
        counters.scope,
        level,
        groups,
    )


async def pulse(
    db: Database,
    scope: Scope,
    measures: SurveyMeasure,
    floor: int = DEFAULT_MIN_GROUP,
    level: int | None = None,
) -> list[PulsePeriod]:
    """`fold` of the measure's counters within the scope."""
    return await fold(await pulse_counters(db, scope, measures), floor, level)
