"""The quarterly catalyst report for HR, on `tests.support.surveys.culture_org` in 2026-Q2:

A1: reports A2, A3; A2 grew at Gamma (GC1, sql new to A2); one approval (XA1), approved after
24 h; team Alpha (3 people) too small for its engagement to show.
B1: report B2, who helped Gamma without showing a skill: no grower.
C1: reports C2..C6; team Gamma's growth pulse: C1..C6 answer 5 4 4 4 3 4 (mean 4.0) and
10 9 8 7 6 10 (promoters 3, detractors 1: eNPS 100 * 2 / 6)."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from graph.database import Database
from resolvers.surveys import pulses
from tests.support.api import auth, graphql
from tests.support.surveys import HR, answer, at, culture_org

REPORT = """
query($quarter: String!, $department: ID) { catalystReport(quarter: $quarter, departmentId: $department) {
  __typename ... on UserError { message } ... on ValidationError { field }
  ... on CatalystReport { quarter lines { managerId reports growers growerNames decisions approvals
      medianDecisionHours teamDepartmentId teamRespondents teamEngagement teamEnps } csv } } }
"""  # noqa: E501


@pytest.fixture
async def graph(db: Database) -> Database:
    await culture_org().load(db)
    await pulses.open_rounds(db, HR, at(4, 1))
    values = {"C1": (5, 10), "C2": (4, 9), "C3": (4, 8), "C4": (4, 7), "C5": (3, 6), "C6": (4, 10),
              "A1": (2, 2), "A2": (2, 2)}  # fmt: skip
    for who, given in values.items():
        await answer(db, who, "growth-pulse", "2026-Q2", *given, at=at(4, 5))
    return db


async def report(client: httpx.AsyncClient, *roles: str, **variables: Any) -> dict[str, Any]:
    body = await graphql(client, REPORT, "H1", *roles, variables=variables)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["catalystReport"]
    return result


async def test_each_manager_with_growers_approvals_and_team_engagement_when_large_enough(
    graph: Database, client: httpx.AsyncClient
) -> None:
    found = await report(client, "hr", quarter="2026-Q2")
    lines = {line["managerId"]: line for line in found["lines"]}
    assert list(lines) == ["A1", "B1", "C1"]  # by name
    assert lines["A1"] == {
        "managerId": "A1", "reports": 2, "growers": 1, "growerNames": ["Person A2"],
        "decisions": 1, "approvals": 1, "medianDecisionHours": 24.0, "teamDepartmentId": "A",
        "teamRespondents": None, "teamEngagement": None, "teamEnps": None,
    }  # fmt: skip
    assert (lines["B1"]["reports"], lines["B1"]["growers"]) == (1, 0)
    c1 = lines["C1"]
    assert (c1["teamRespondents"], c1["teamEngagement"]) == (6, 4.0)
    assert c1["teamEnps"] == pytest.approx(100 * 2 / 6)
    rows = list(csv.DictReader(io.StringIO(found["csv"])))
    assert [row["manager_id"] for row in rows] == ["A1", "B1", "C1"]
    assert rows[0]["grower_names"] == "Person A2"
    assert rows[0]["team_engagement"] == ""
    assert rows[2]["team_engagement"] == "4.0"
    assert {row["quarter"] for row in rows} == {"2026-Q2"}


async def test_a_department_scope_lists_its_managers_only(
    graph: Database, client: httpx.AsyncClient
) -> None:
    found = await report(client, "admin", quarter="2026-Q2", department="C")
    assert [line["managerId"] for line in found["lines"]] == ["C1"]


async def test_only_hr_reads_it_and_bad_requests_are_refused(
    graph: Database, client: httpx.AsyncClient
) -> None:
    assert (await report(client, quarter="2026-Q2"))["__typename"] == "Forbidden"
    bad = await report(client, "hr", quarter="Q2 2026")
    assert (bad["__typename"], bad["field"]) == ("ValidationError", "quarter")
    assert (await report(client, "hr", quarter="2026-Q2", department="NOPE"))[
        "__typename"
    ] == "NotFound"


MINE = """
query($quarter: String!) { myCatalystReport(quarter: $quarter) {
  __typename ... on ValidationError { field }
  ... on CatalystReport { lines { managerId reports growers growerNames decisions approvals
      medianDecisionHours teamRespondents teamEngagement } } } }
"""


async def mine(client: httpx.AsyncClient, person: str, quarter: str) -> dict[str, Any]:
    body = await graphql(client, MINE, person, variables={"quarter": quarter})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["myCatalystReport"]
    return result


async def test_a_manager_reads_their_own_line_only_and_others_read_none(
    graph: Database, client: httpx.AsyncClient
) -> None:
    assert (await mine(client, "A1", "2026-Q2"))["lines"] == [
        {"managerId": "A1", "reports": 2, "growers": 1, "growerNames": ["Person A2"],
         "decisions": 1, "approvals": 1, "medianDecisionHours": 24.0,
         "teamRespondents": None, "teamEngagement": None},
    ]  # fmt: skip
    (c1,) = (await mine(client, "C1", "2026-Q2"))["lines"]
    assert (c1["managerId"], c1["teamRespondents"], c1["teamEngagement"]) == ("C1", 6, 4.0)
    assert (await mine(client, "A2", "2026-Q2"))["lines"] == []
    assert (await mine(client, "A1", "2025-Q1"))["lines"] == [
        {"managerId": "A1", "reports": 2, "growers": 0, "growerNames": [], "decisions": 0,
         "approvals": 0, "medianDecisionHours": None, "teamRespondents": None,
         "teamEngagement": None},
    ]  # fmt: skip
    bad = await mine(client, "A1", "last quarter")
    assert (bad["__typename"], bad["field"]) == ("ValidationError", "quarter")


CSV_REPORT = "/exports/surveys/catalyst-report.csv"


async def test_hr_downloads_the_report_as_csv_for_performance_goals(
    graph: Database, client: httpx.AsyncClient
) -> None:
    response = await client.get(f"{CSV_REPORT}?quarter=2026-Q2", headers=auth("H1", "hr"))

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="catalyst-report-2026-Q2.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["manager_id"], r["reports"], r["growers"], r["grower_names"]) for r in rows] == [
        ("A1", "2", "1", "Person A2"),
        ("B1", "1", "0", ""),
        ("C1", "5", "0", ""),
    ]
    a1, _, c1 = rows
    assert (a1["decisions"], a1["approvals"], a1["median_decision_hours"]) == ("1", "1", "24.0")
    assert (a1["team_respondents"], a1["team_engagement"]) == ("", "")  # Alpha: 2 answers
    assert (c1["team_department_id"], c1["team_respondents"], c1["team_engagement"]) == (
        "C", "6", "4.0"
    )  # fmt: skip
    assert float(c1["team_enps"]) == pytest.approx(100 * 2 / 6)
    assert {r["quarter"] for r in rows} == {"2026-Q2"}
    found = await report(client, "hr", quarter="2026-Q2")
    assert list(csv.DictReader(io.StringIO(found["csv"]))) == rows  # the API's csv field alike

    gamma = await client.get(f"{CSV_REPORT}?quarter=2026-Q2&departmentId=C",
                             headers=auth("H1", "admin"))  # fmt: skip
    assert [r["manager_id"] for r in csv.DictReader(io.StringIO(gamma.text))] == ["C1"]
    assert 'filename="catalyst-report-2026-Q2-C.csv"' in gamma.headers["content-disposition"]


async def test_the_csv_report_is_refused_to_others_and_to_bad_quarters(
    graph: Database, client: httpx.AsyncClient
) -> None:
    manager = await client.get(f"{CSV_REPORT}?quarter=2026-Q2", headers=auth("C1"))
    anonymous = await client.get(f"{CSV_REPORT}?quarter=2026-Q2")
    hr = auth("H1", "hr")
    missing = await client.get(CSV_REPORT, headers=hr)
    malformed = await client.get(f"{CSV_REPORT}?quarter=2026-Q5", headers=hr)
    unknown = await client.get(f"{CSV_REPORT}?quarter=2026-Q2&departmentId=NOPE", headers=hr)

    assert manager.status_code == 403
    assert manager.json() == {"errors": [{"message": "analytics are for the hr and admin roles"}]}
    assert "Person A2" not in manager.text
    assert anonymous.status_code == 401
    assert missing.status_code == malformed.status_code == 400
    assert missing.json() == {
        "errors": [{"message": "quarter: missing: name a quarter such as 2026-Q4"}]
    }
    assert malformed.json() == {
        "errors": [{"message": "quarter: '2026-Q5' is not a quarter such as 2026-Q4"}]
    }
    assert unknown.status_code == 404
