"""Engagement on growth and manager sentiment on talent sharing, for the analytics: per quarter
of the period and department, after the anonymity floor (`resolvers.surveys.anonymity`)."""

from __future__ import annotations

from datetime import timedelta

from graph.database import Database
from graph.vocabulary import SurveyMeasure
from resolvers.analytics import Scope
from resolvers.surveys.anonymity import DepartmentRef, PulsePeriod, previous_quarter, pulse_periods
from resolvers.surveys.pulses import quarters_between

DEFAULT_MIN_GROUP = 5


async def pulse(
    db: Database, scope: Scope, measures: SurveyMeasure, floor: int = DEFAULT_MIN_GROUP
) -> list[PulsePeriod]:
    """The quarters overlapping the scope's period, each with its groups (at least `floor`
    respondents each) and their trend against the quarter before."""
    periods = quarters_between(scope.start.date(), (scope.end - timedelta(days=1)).date())
    rows = await db.read(
        "analytics/pulse_groups",
        measures=measures,
        periods=[previous_quarter(periods[0]), *periods],
    )
    department = None
    if scope.department_id is not None:
        found = await db.read("analytics/scope_department", department_id=scope.department_id)
        department = DepartmentRef(found[0]["id"], found[0]["name"])
    return pulse_periods(rows, periods, floor, department)
