"""CSV downloads over HTTP, with the API's authentication and permissions.

Each export is a `Route` in `EXPORTS`: a path, and a function that checks the request (bearer
token, the resolver's permission rules, the parameters) and returns the table to send. Nothing is
sent before the checks pass, so a refusal is a plain JSON error with its status (401, 403, 404,
400), like the GraphQL endpoint's; the rows then go out as they are encoded, one chunk per row
(`text/csv; charset=utf-8`, a `Content-Disposition` file name). Another domain adds its download
with one function and one line in `EXPORTS`.

- `/exports/gigs/{gig_id}/applicants.csv` (the gig's owner, HR): every application with its
  state;
- `/exports/analytics/{table}.csv` (HR, admin): an analytics table, `fill-rate`, `savings`,
  `bench-by-skill`, `skill-growth`, `managers` or `skill-risk`;
- `/exports/surveys/catalyst-report.csv` (HR, admin): a quarter's catalyst report, one line per
  manager, for performance goals (`quarter`, such as 2026-Q4, and optionally `departmentId`).

The analytics exports take the dashboard's parameters in the query string: `from` and `to`
(dates, default the last 365 days), `departmentId`, `top` (default 100) and `riskHolders`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from graph.database import Database
from graph.errors import DatabaseUnavailable, DomainError, Forbidden, NotFound, ValidationFailed
from graph.settings import ServiceSettings
from resolvers import analytics, gigs
from resolvers.context import Context
from resolvers.identity import AuthenticationFailed
from resolvers.oidc import ProviderUnavailable
from resolvers.permissions import require_analyst, require_candidate_reader
from resolvers.surveys import catalysts
from resolvers.workflow import applications
from service.auth import viewer_from_header

DEFAULT_TOP = 100


@dataclass(frozen=True)
class Table:
    filename: str
    columns: Sequence[str]
    rows: Iterable[Mapping[str, object]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "|".join(_cell(part) for part in value)
    if isinstance(value, dict):
        return json.dumps(value, default=str, sort_keys=True)
    if hasattr(value, "iso_format"):
        return str(value.iso_format())
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


async def _lines(table: Table) -> AsyncIterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [table.columns, *([_cell(row.get(c)) for c in table.columns] for row in table.rows)]:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _error(message: str, status: int) -> JSONResponse:
    headers = {"WWW-Authenticate": 'Bearer realm="talentgraph"'} if status == 401 else None
    return JSONResponse({"errors": [{"message": message}]}, status_code=status, headers=headers)


class UnknownTable(DomainError):
    """A download path that names no table: answered 404, like a missing entity."""


def _status(error: DomainError) -> int:
    if isinstance(error, Forbidden):
        return 403
    if isinstance(error, NotFound | UnknownTable):
        return 404
    return 400


Export = Callable[[Context, Request], Awaitable[Table]]


def csv_route(path: str, export: Export) -> Route:
    """A GET route that authenticates like the API and streams the table `export` returns."""

    async def endpoint(request: Request) -> Response:
        settings: ServiceSettings = request.state.settings
        db: Database = request.state.db
        try:
            viewer = await viewer_from_header(
                request.headers.get("authorization"), db, settings, request.state.oidc
            )
        except AuthenticationFailed as error:
            return _error(error.message, 401)
        except Forbidden as error:
            return _error(error.message, 403)
        except (ProviderUnavailable, DatabaseUnavailable):
            return _error("signing in is unavailable; try again later", 503)
        try:
            table = await export(Context(db=db, viewer=viewer, settings=settings), request)
        except DomainError as error:
            return _error(error.message, _status(error))
        return StreamingResponse(
            _lines(table),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{table.filename}"'},
        )

    return Route(path, endpoint, methods=["GET"])


APPLICANT_COLUMNS = (
    "application_id",
    "person_id",
    "name",
    "email",
    "title",
    "state",
    "approval_state",
    "origin",
    "note",
    "decision_reason",
    "applied_at",
    "updated_at",
)


async def gig_applicants(ctx: Context, request: Request) -> Table:
    gig_id = request.path_params["gig_id"]
    gig = await gigs.gig_by_id(ctx, gig_id)
    if gig is None:
        raise NotFound("Gig", gig_id)
    require_candidate_reader(ctx.viewer, gig.owner_id)
    rows = await applications.gig_applications(ctx, gig_id)
    flat = [
        {
            "application_id": a["id"],
            "person_id": a["person"]["id"],
            "name": a["person"]["name"],
            "email": a["person"]["email"],
            "title": a["person"].get("title"),
            "state": a["state"],
            "approval_state": a.get("approval_state"),
            "origin": a.get("origin"),
            "note": a.get("note"),
            "decision_reason": a.get("decision_reason"),
            "applied_at": a.get("created_at"),
            "updated_at": a.get("updated_at"),
        }
        for a in rows
    ]
    return Table(f"gig-{gig_id}-applicants.csv", APPLICANT_COLUMNS, flat)


Metric = Callable[[Database, analytics.Scope], Awaitable[Sequence[Mapping[str, object]]]]

ANALYTICS_TABLES: dict[str, Metric] = {
    "fill-rate": analytics.fill_rate,
    "savings": analytics.savings,
    "bench-by-skill": analytics.bench_by_skill,
    "skill-growth": analytics.skill_growth,
    "managers": analytics.manager_catalysts,
    "skill-risk": analytics.skill_risk,
}


def _date_param(request: Request, name: str, default: date) -> date:
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _int_param(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValidationFailed(name, f"{value!r} is not a whole number") from None


async def analytics_table(ctx: Context, request: Request) -> Table:
    name = request.path_params["table"]
    metric = ANALYTICS_TABLES.get(name)
    if metric is None:
        raise UnknownTable(f"there is no analytics table analytics/{name}.csv")
    today = datetime.now(UTC).date()
    first = _date_param(request, "from", today - timedelta(days=365))
    last = _date_param(request, "to", today)
    scope = await analytics.authorise_scope(
        ctx,
        first,
        last,
        request.query_params.get("departmentId"),
        _int_param(request, "top", DEFAULT_TOP),
        _int_param(request, "riskHolders", 2),
    )
    rows = await metric(ctx.db, scope)
    columns = list(rows[0]) if rows else []
    return Table(f"{name}-{first}-{last}.csv", columns, rows)


async def catalyst_report(ctx: Context, request: Request) -> Table:
    require_analyst(ctx.viewer)
    quarter = request.query_params.get("quarter")
    if quarter is None:
        raise ValidationFailed("quarter", "missing: name a quarter such as 2026-Q4")
    department_id = request.query_params.get("departmentId")
    report = await catalysts.catalyst_report(
        ctx.db, ctx.viewer, quarter, department_id, ctx.settings.survey_min_group
    )
    scope = f"-{department_id}" if department_id else ""
    return Table(
        f"catalyst-report-{quarter}{scope}.csv",
        catalysts.CATALYST_COLUMNS,
        catalysts.catalyst_rows(report),
    )


EXPORTS: list[Route] = [
    csv_route("/exports/gigs/{gig_id}/applicants.csv", gig_applicants),
    csv_route("/exports/analytics/{table}.csv", analytics_table),
    csv_route("/exports/surveys/catalyst-report.csv", catalyst_report),
]
