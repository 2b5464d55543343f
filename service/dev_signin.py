"""Development sign-in: a page of the web app lists a few demo people per role and signs in as one.

Mounted only in development mode (`TALENTGRAPH_MODE=development`); in production these routes do
not exist, and a person signs in through the organisation's single sign-on, whose bearer token the
app takes the same way.

- `GET /dev/sign-in` → `{"people": [{role, id, name, title, department, manager}, …]}`
- `POST /dev/sign-in` with `{"personId": "P1", "role": "hr"}` → `{"token": "…", "roles": [...]}`
"""

from __future__ import annotations

from datetime import timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph.database import Database
from graph.settings import ServiceSettings
from resolvers.identity import issue_token
from resolvers.people import demo_people_by_role, person_exists

PER_ROLE = 4
# The demo role offered on the page and the token roles it signs in with: gig owners and
# managers are employees whose powers come from the graph (what they own, who reports to them).
TOKEN_ROLES: dict[str, list[str]] = {
    "employee": [],
    "owner": [],
    "manager": [],
    "hr": ["hr"],
    "admin": ["admin"],
}


def _error(message: str, status: int, code: str = "VALIDATION") -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status)


def dev_signin_routes(settings: ServiceSettings) -> list[Route]:
    if settings.mode != "development":
        return []

    async def sign_in(request: Request) -> Response:
        db: Database = request.state.db
        if request.method == "GET":
            rows = await demo_people_by_role(db, PER_ROLE)
            return JSONResponse({"people": rows})
        try:
            body = await request.json()
        except ValueError:
            return _error('send JSON: {"personId": …, "role": …}', 400)
        person_id = body.get("personId") if isinstance(body, dict) else None
        role = body.get("role", "employee") if isinstance(body, dict) else None
        if not isinstance(person_id, str) or not person_id:
            return _error("personId is required", 400)
        if role not in TOKEN_ROLES:
            return _error(f"role must be one of {', '.join(TOKEN_ROLES)}", 400)
        if not await person_exists(db, person_id):
            return _error(f"no person {person_id!r}", 404, "NOT_FOUND")
        roles = TOKEN_ROLES[role]
        ttl = timedelta(hours=settings.token_ttl_hours)
        token = issue_token(person_id, roles, settings.secret, ttl)
        return JSONResponse({"token": token, "roles": sorted({"employee", *roles})})

    return [Route("/dev/sign-in", sign_in, methods=["GET", "POST"])]
