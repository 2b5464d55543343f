"""Champions for HR, with their reasons, on the organisation of `tests.support.surveys.culture_org`:

A2 completed GB1 (5) and GC1 (4) for Beta and Gamma, endorsed C2 and brokers between A2's and
C1's helpers: 2 x 2 + 2 + 1 + 3 = 10 points. C1 brokers (3). A3 and C2 completed a gig of their
own department rated 5 (2 each). B2 helped Gamma, rated 3 (1). Nobody else has a point."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.database import Database
from tests.support.api import graphql, mutate
from tests.support.surveys import culture_org

CHAMPIONS = """
query($period: PeriodInput!) { analytics(period: $period) { __typename ... on Analytics {
  champions { personId points goodGigs departmentsHelped endorsementsGiven betweenness reasons }
  collaboration { personBrokers { id betweenness } } } } }
"""
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


@pytest.fixture
async def graph(db: Database, client: httpx.AsyncClient) -> Database:
    await culture_org().load(db)
    endorsed = await mutate(
        client,
        'mutation { endorseSkill(input: {gigId: "GC1", personId: "C2", skillId: "sql"}) '
        "{ result { __typename } } }",
        "A2",
    )  # fmt: skip
    assert endorsed == {"__typename": "Endorsement"}
    return db


async def champions(client: httpx.AsyncClient, *roles: str) -> dict[str, Any]:
    body = await graphql(client, CHAMPIONS, "H1", *roles, variables={"period": YEAR})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["analytics"]
    return result


async def test_hr_lists_champions_with_why_each_is_there(
    graph: Database, client: httpx.AsyncClient
) -> None:
    analytics = await champions(client, "hr")
    listed = analytics["champions"]
    assert [(c["personId"], c["points"]) for c in listed] == [
        ("A2", 10), ("C1", 3), ("A3", 2), ("C2", 2), ("B2", 1),
    ]  # fmt: skip
    a2 = listed[0]
    brokers = {b["id"]: b["betweenness"] for b in analytics["collaboration"]["personBrokers"]}
    assert a2["goodGigs"] == 2
    assert a2["departmentsHelped"] == ["Beta", "Gamma"]
    assert a2["endorsementsGiven"] == 1
    assert a2["betweenness"] == pytest.approx(brokers["A2"])
    assert a2["reasons"] == [
        "completed 2 gigs rated 4 or better (average 4.5)",
        "helped 2 other departments: Beta, Gamma",
        "connects groups that rarely work together (a broker of the collaboration graph, "
        f"betweenness {brokers['A2']:.3f})",
        "gave 1 endorsement to colleagues",
    ]
    assert listed[4]["reasons"] == ["helped 1 other department: Gamma"]


async def test_a_person_who_opts_out_is_never_listed(
    graph: Database, client: httpx.AsyncClient
) -> None:
    opt_out = "mutation($o: Boolean!) { setChampionOptOut(input: {optOut: $o}) { result { __typename ... on ChampionPreference { optOut } } } }"  # noqa: E501
    preference = "{ championPreference { optOut } }"
    assert (await graphql(client, preference, "A2"))["data"] == {
        "championPreference": {"optOut": False}
    }
    body = await graphql(client, opt_out, "A2", variables={"o": True})
    assert body["data"] == {
        "setChampionOptOut": {"result": {"__typename": "ChampionPreference", "optOut": True}}
    }
    assert (await graphql(client, preference, "A2"))["data"] == {
        "championPreference": {"optOut": True}
    }
    assert (await graphql(client, preference, "B2"))["data"] == {
        "championPreference": {"optOut": False}
    }
    listed = (await champions(client, "admin"))["champions"]
    assert [c["personId"] for c in listed] == ["C1", "A3", "C2", "B2"]
    await graphql(client, opt_out, "A2", variables={"o": False})
    assert (await champions(client, "hr"))["champions"][0]["personId"] == "A2"


async def test_only_hr_and_admins_see_champions(graph: Database, client: httpx.AsyncClient) -> None:
    assert (await champions(client))["__typename"] == "Forbidden"
