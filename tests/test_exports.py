"""CSV downloads over HTTP with the API's permissions: a gig's applicants for its owner and HR,
the analytics tables and the skill-risk list for HR."""

from __future__ import annotations

import csv
import io

import httpx

from graph.database import Database
from tests.support.api import auth
from tests.support.workflow import act, drive, workflow_org

APPLICANTS = "/exports/gigs/G1/applicants.csv"
PERIOD = "from=2026-10-01&to=2026-11-30"


def table(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.text)))


async def test_the_owner_and_hr_download_a_gigs_applicants_with_their_states(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    solo = await drive(db, "SOLO", "G1", "submitted")
    bob = await drive(db, "BOB", "G1", "submitted")
    await act(client, "OWNER", "reject", bob)

    by_owner = await client.get(APPLICANTS, headers=auth("OWNER"))
    by_hr = await client.get(APPLICANTS, headers=auth("ALICE", "hr"))

    rows = table(by_owner)
    assert by_owner.headers["content-disposition"] == 'attachment; filename="gig-G1-applicants.csv"'
    assert [(r["application_id"], r["name"], r["state"], r["decision_reason"]) for r in rows] == [
        (solo, "Sam Solo", "submitted", ""),
        (bob, "Bob Builder", "rejected", "we need deeper SQL"),
    ]
    assert rows[0]["email"] == "solo@example.org"
    assert rows[0]["applied_at"].startswith("20")
    assert table(by_hr) == rows


async def test_anyone_else_is_refused_the_applicants(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    await drive(db, "SOLO", "G1", "submitted")

    colleague = await client.get(APPLICANTS, headers=auth("BOB"))
    applicant = await client.get(APPLICANTS, headers=auth("SOLO"))
    anonymous = await client.get(APPLICANTS)
    forged = await client.get(APPLICANTS, headers={"Authorization": "Bearer not-a-token"})
    unknown = await client.get("/exports/gigs/NOPE/applicants.csv", headers=auth("OWNER"))

    assert colleague.status_code == applicant.status_code == 403
    assert colleague.json() == {
        "errors": [{"message": "only the gig's owner and HR see its candidates"}]
    }
    assert anonymous.status_code == forged.status_code == 401
    assert anonymous.headers["www-authenticate"] == 'Bearer realm="talentgraph"'
    assert unknown.status_code == 404
    assert "Sam Solo" not in colleague.text + applicant.text + anonymous.text


async def test_hr_downloads_the_analytics_tables(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().load(db)

    fill_rate = table(await client.get(f"/exports/analytics/fill-rate.csv?{PERIOD}",
                                       headers=auth("ALICE", "hr")))  # fmt: skip

    by_dimension = {(r["dimension"], r["key"]): (r["published"], r["filled"]) for r in fill_rate}
    assert by_dimension[("total", "")] == ("2", "0")
    assert by_dimension[("type", "project")] == ("1", "0")
    assert by_dimension[("type", "micro_task")] == ("1", "0")


async def test_hr_downloads_the_skill_risk_list(db: Database, client: httpx.AsyncClient) -> None:
    """Only Alice holds Python in Operations, and an open Operations gig needs it."""
    org = workflow_org().has_skill("ALICE", "python", 4)
    await org.gig("G2", "MANAGER", "OPS").requires("G2", "python", 3).load(db)

    response = await client.get(f"/exports/analytics/skill-risk.csv?{PERIOD}&riskHolders=1",
                                headers=auth("DIRECTOR", "hr"))  # fmt: skip

    rows = table(response)
    [risk] = [r for r in rows if r["department_id"] == "OPS"]
    assert (risk["skill_label"], risk["holder_ids"], risk["open_gigs"]) == ("Python", "ALICE", "1")


async def test_analytics_exports_are_refused_to_employees_and_bad_requests(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)

    employee = await client.get("/exports/analytics/savings.csv", headers=auth("SOLO"))
    bad_date = await client.get("/exports/analytics/savings.csv?from=yesterday",
                                headers=auth("ALICE", "hr"))  # fmt: skip
    backwards = await client.get("/exports/analytics/savings.csv?from=2026-02-01&to=2026-01-01",
                                 headers=auth("ALICE", "hr"))  # fmt: skip
    unknown = await client.get("/exports/analytics/salaries.csv", headers=auth("ALICE", "hr"))

    assert employee.status_code == 403
    assert bad_date.status_code == 400
    assert bad_date.json() == {
        "errors": [{"message": "from: 'yesterday' is not a date (YYYY-MM-DD)"}]
    }
    assert backwards.status_code == 400
    assert unknown.status_code == 404
