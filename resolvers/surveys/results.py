"""Engagement on growth and manager sentiment on talent sharing, for the analytics: per quarter
of the period and department, after the anonymity floor (`resolvers.surveys.anonymity`)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from graph.database import Database
from graph.errors import ValidationFailed
from graph.vocabulary import SurveyMeasure
from resolvers.analytics import Scope
from resolvers.surveys.anonymity import DepartmentRef, PulsePeriod, previous_quarter, pulse_periods
from resolvers.surveys.pulses import quarters_between

DEFAULT_MIN_GROUP = 5


async def pulse(
    db: Database,
    scope: Scope,
    measures: SurveyMeasure,
    floor: int = DEFAULT_MIN_GROUP,
    level: int | None = None,
) -> list[PulsePeriod]:
    """The quarters overlapping the scope's period, each with its groups (at least `floor`
    respondents each) and their trend against the quarter before; with `level`, departments
    rolled up to their ancestor at that depth (0: the top departments). The folding runs in a
    worker thread, so the request's other metrics keep talking to Neo4j meanwhile."""
    if level is not None and level < 0:
        raise ValidationFailed("level", "must be 0 (top-level departments) or more")
    periods = quarters_between(scope.start.date(), (scope.end - timedelta(days=1)).date())
    asked = {"measures": measures, "periods": [previous_quarter(periods[0]), *periods]}
    groups, scores = await asyncio.gather(
        db.read("analytics/pulse_groups", **asked), db.read("analytics/pulse_scores", **asked)
    )
    department = None
    if scope.department_id is not None:
        found = await db.read("analytics/scope_department", department_id=scope.department_id)
        department = DepartmentRef(found[0]["id"], found[0]["name"])
    return await asyncio.to_thread(pulse_periods, groups, scores, periods, floor, department, level)
