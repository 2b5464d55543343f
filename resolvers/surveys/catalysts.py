"""The quarterly catalyst report: per manager, the reports who took a growth gig elsewhere, the
approvals they gave and how fast, and their team's engagement when the team's group reaches the
anonymity floor on its own (`resolvers.surveys.anonymity`), for HR to export for performance
goals."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from typing import Any

from graph.database import Database, Row
from graph.errors import NotFound
from graph.vocabulary import SurveyMeasure
from resolvers.analytics import Scope, department
from resolvers.identity import Viewer
from resolvers.permissions import require_analyst
from resolvers.surveys import results
from resolvers.surveys.anonymity import PulseGroup
from resolvers.surveys.pulses import quarter_days

ALL_MANAGERS = 1_000_000


@dataclass(frozen=True)
class CatalystLine:
    manager_id: str
    manager_name: str
    team_department_id: str | None
    reports: int
    growers: int
    grower_names: tuple[str, ...]
    growth_share: float
    decisions: int
    approvals: int
    median_decision_hours: float | None
    team_respondents: int | None
    team_engagement: float | None
    team_enps: float | None

    @classmethod
    def from_row(cls, row: Row, team: PulseGroup | None) -> CatalystLine:
        return cls(
            manager_id=row["manager_id"],
            manager_name=row["manager_name"],
            team_department_id=row["team_department_id"],
            reports=row["reports"],
            growers=row["growers"],
            grower_names=tuple(row["grower_names"]),
            growth_share=row["growth_share"],
            decisions=row["decisions"],
            approvals=row["approvals"],
            median_decision_hours=row["median_decision_hours"],
            team_respondents=team.respondents if team else None,
            team_engagement=team.score if team else None,
            team_enps=team.enps if team else None,
        )


@dataclass(frozen=True)
class CatalystReport:
    quarter: str
    department_id: str | None
    lines: tuple[CatalystLine, ...]


async def catalyst_report(
    db: Database, viewer: Viewer, quarter: str, department_id: str | None, floor: int
) -> CatalystReport:
    """Every manager in the department's subtree (or the organisation) for one quarter, by name."""
    require_analyst(viewer)
    quarter_days(quarter)
    if department_id is not None and not await department(db, department_id):
        raise NotFound("Department", department_id)
    return await _report(db, quarter, department_id, None, floor)


async def own_catalyst_report(
    db: Database, viewer: Viewer, quarter: str, floor: int
) -> CatalystReport:
    """The viewer's own line of a quarter's report (none when they had no reports): what a
    manager reads about themselves, with the same anonymity floor for their team's engagement."""
    quarter_days(quarter)
    return await _report(db, quarter, None, viewer.person_id, floor)


async def _report(
    db: Database, quarter: str, department_id: str | None, manager_id: str | None, floor: int
) -> CatalystReport:
    first, last = quarter_days(quarter)
    scope = Scope.for_dates(first, last, department_id, top=ALL_MANAGERS)
    rows = await db.read(
        "analytics/manager_catalysts", **scope.params, manager_id=manager_id, limit=scope.top
    )
    shown: dict[str, PulseGroup] = {}
    if rows:
        (pulse,) = await results.pulse(
            db, Scope.for_dates(first, last), SurveyMeasure.ENGAGEMENT, floor
        )
        shown = {group.department.id: group for group in pulse.groups}
    lines = tuple(
        CatalystLine.from_row(row, shown.get(row["team_department_id"] or ""))
        for row in sorted(rows, key=lambda r: (r["manager_name"], r["manager_id"]))
    )
    return CatalystReport(quarter, department_id, lines)


CATALYST_COLUMNS = ("quarter", *(f.name for f in fields(CatalystLine)))


def catalyst_rows(report: CatalystReport) -> list[dict[str, Any]]:
    """The report as a table, one row per manager (`CATALYST_COLUMNS`; names of growers joined
    by '; ', a figure not shown None)."""
    return [
        {"quarter": report.quarter}
        | {
            f.name: "; ".join(value) if isinstance(value := getattr(line, f.name), tuple) else value
            for f in fields(CatalystLine)
        }
        for line in report.lines
    ]


def catalyst_csv(report: CatalystReport) -> str:
    """The report as CSV, the rows of `catalyst_rows`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CATALYST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(catalyst_rows(report))
    return out.getvalue()
