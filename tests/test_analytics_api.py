"""The analytics dashboard through HTTP: hr and admin see it, everyone else is refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.database import Database
from tests.support.analytics import FIRST, LAST, build_org
from tests.support.api import auth

DASHBOARD = """
query Dashboard($period: PeriodInput!, $department: ID, $top: Int, $riskHolders: Int) {
  analytics(period: $period, departmentId: $department, top: $top, riskHolders: $riskHolders) {
    __typename
    ... on UserError { message }
    ... on ValidationError { field }
    ... on NotFound { kind id }
    ... on Analytics {
      from to departmentId
      fillRate {
        total { published filled fillRate medianDaysToFill p90DaysToFill }
        byType { key published filled }
        byDepartment { key label }
      }
      savings { total hoursWorked byMonthAndDepartment { month departmentId savings } }
      utilisation { people benchPeople utilisation benchBySkill { skillId benchPeople } }
      collaboration {
        engagements crossFunctional index departmentDensity communities siloRatio
        departmentBrokers { id name betweenness }
        personBrokers { id }
        departmentLinks { departmentIds engagements }
      }
      skillGrowth { total { newSkills proficiencyGained aspirationsRealised } byMonth { month } }
      internalMobility { people mobilePeople share }
      managers { managerId reports growers growthShare decisions medianDecisionHours }
      skillRisk { departmentId skillId holderIds openGigs aspirants { id interest } }
    }
  }
}
"""


async def dashboard(
    client: httpx.AsyncClient, headers: dict[str, str], **variables: Any
) -> dict[str, Any]:
    period = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    response = await client.post(
        "/graphql",
        json={"query": DASHBOARD, "variables": {"period": period} | variables},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["analytics"]
    return result


@pytest.fixture
async def graph(db: Database) -> Database:
    await build_org().load(db)
    return db


async def test_hr_sees_every_metric_of_the_period(
    graph: Database, client: httpx.AsyncClient
) -> None:
    result = await dashboard(client, auth("M1", "hr"))
    assert result["__typename"] == "Analytics"
    assert (result["from"], result["to"], result["departmentId"]) == (
        "2026-01-01",
        "2026-06-30",
        None,
    )
    fill = result["fillRate"]
    assert fill["total"] == {
        "published": 4,
        "filled": 3,
        "fillRate": 0.75,
        "medianDaysToFill": 10.0,
        "p90DaysToFill": pytest.approx(18.0),
    }
    assert {t["key"]: (t["published"], t["filled"]) for t in fill["byType"]} == {
        "micro_task": (1, 1),
        "project": (3, 2),
    }
    assert result["savings"]["total"] == 720 + 500 + 2000 + 2400
    assert result["savings"]["hoursWorked"] == 72
    utilisation = result["utilisation"]
    assert (utilisation["people"], utilisation["benchPeople"]) == (8, 2)
    assert utilisation["benchBySkill"][0] == {"skillId": "python", "benchPeople": 2}
    collaboration = result["collaboration"]
    assert (collaboration["engagements"], collaboration["crossFunctional"]) == (5, 2)
    assert collaboration["departmentBrokers"] == [
        {"id": "ENG", "name": "Department ENG", "betweenness": 1.0}
    ]
    assert collaboration["personBrokers"][0]["id"] == "M2"
    assert result["skillGrowth"]["total"] == {
        "newSkills": 2,
        "proficiencyGained": 5,
        "aspirationsRealised": 1,
    }
    assert [m["month"] for m in result["skillGrowth"]["byMonth"]] == [
        "2026-02-01",
        "2026-03-01",
        "2026-05-01",
    ]
    assert result["internalMobility"] == {"people": 8, "mobilePeople": 2, "share": 0.25}
    assert result["managers"][0] == {
        "managerId": "M1",
        "reports": 4,
        "growers": 2,
        "growthShare": 0.5,
        "decisions": 2,
        "medianDecisionHours": 26.0,
    }
    risk = result["skillRisk"][0]
    assert (risk["departmentId"], risk["skillId"], risk["holderIds"], risk["openGigs"]) == (
        "DATA",
        "cobol",
        [],
        1,
    )
    assert risk["aspirants"] == [{"id": "B1", "interest": 3}, {"id": "D1", "interest": 1}]


async def test_admin_scopes_the_dashboard_to_a_department_and_its_sub_departments(
    graph: Database, client: httpx.AsyncClient
) -> None:
    result = await dashboard(client, auth("M1", "admin"), department="ENG", top=1)
    assert result["departmentId"] == "ENG"
    assert sorted(d["key"] for d in result["fillRate"]["byDepartment"]) == ["DATA", "ENG"]
    assert result["internalMobility"]["people"] == 5
    assert len(result["skillRisk"]) == 1  # `top` bounds every ranked list
    assert len(result["managers"]) == 1


async def test_employees_are_refused_the_dashboard(
    graph: Database, client: httpx.AsyncClient
) -> None:
    result = await dashboard(client, auth("E1"))
    assert result["__typename"] == "Forbidden"
    assert "hr" in result["message"]


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"period": {"from": "2026-06-30", "to": "2026-01-01"}}, "period.to"),
        ({"top": 0}, "top"),
        ({"riskHolders": 50}, "riskHolders"),
    ],
)
async def test_a_bad_request_is_a_validation_error(
    graph: Database, client: httpx.AsyncClient, variables: dict[str, Any], field: str
) -> None:
    result = await dashboard(client, auth("M1", "hr"), **variables)
    assert (result["__typename"], result["field"]) == ("ValidationError", field)


async def test_an_unknown_department_is_not_found(
    graph: Database, client: httpx.AsyncClient
) -> None:
    result = await dashboard(client, auth("M1", "hr"), department="NOPE")
    assert (result["__typename"], result["kind"], result["id"]) == (
        "NotFound",
        "Department",
        "NOPE",
    )


async def test_a_negative_collaboration_level_is_a_validation_error(
    graph: Database, client: httpx.AsyncClient
) -> None:
    query = """query($period: PeriodInput!) { analytics(period: $period) {
      ... on Analytics { collaboration(level: -1) { index } } } }"""
    period = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": {"period": period}},
        headers=auth("M1", "hr"),
    )
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "VALIDATION"
    assert "level" in error["message"]
