"""The gig search behind "Find gigs": words in the title and description through the `gig_text`
full-text index (ranked, typos forgiven), filters (type, department, skill, remote, location,
hours, duration, application deadline), sorting, pages; and gigs' location, remote and deadline
from the API and the HRIS import."""

from __future__ import annotations

from datetime import date, timedelta

import httpx

from graph.database import Database
from tests.support.api import graphql, mutate
from tests.support.factories import OrgFactory

SEARCH = """query ($search: GigSearchInput, $first: Int! = 20, $after: String) {
  searchGigs(search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id location remote applicationDeadline } } } }"""
TODAY = date.today()


def search_org() -> OrgFactory:
    soon, later = TODAY + timedelta(days=14), TODAY + timedelta(days=60)
    return (
        OrgFactory()
        .skill("sql", "SQL")
        .skill("python", "Python")
        .department("D1", "Data")
        .department("D2", "Data science", parent_id="D1")
        .department("D3", "Sales")
        .person("P1", "D1")
        .person("P2", "D3")
        .gig("G1", "P1", "D1", title="Churn dashboard", description="Customer churn in SQL.",
             hours_per_week=4.0, duration_weeks=6, location="Leeds", remote=False,
             start_date=later, application_deadline=soon)
        .gig("G2", "P1", "D2", title="Forecast model", description="Churn forecast in Python.",
             hours_per_week=8.0, duration_weeks=12, remote=True, start_date=soon)
        .gig("G3", "P2", "D3", title="Sales playbook", description="Write the playbook.",
             type="mentorship", hours_per_week=2.0, duration_weeks=4, location="leeds",
             application_deadline=TODAY - timedelta(days=1))
        .gig("G4", "P2", "D3", title="Churn archive", status="completed")
        .gig("G5", "P2", "D3", title="Churn draft", status="draft", published_at=None)
        .requires("G1", "sql")
        .requires("G2", "python")
    )  # fmt: skip


async def found(client: httpx.AsyncClient, who: str = "P1", **search: object) -> list[str]:
    body = await graphql(client, SEARCH, who, variables={"search": search})
    assert "errors" not in body, body
    return [edge["node"]["id"] for edge in body["data"]["searchGigs"]["edges"]]


async def test_words_find_open_gigs_by_title_and_description_best_first(
    client: httpx.AsyncClient, db: Database
) -> None:
    await search_org().load(db)
    # "churn" is in G1's title and description and only in G2's description; the completed G4
    # and someone else's draft G5 stay out; a typo still finds them
    assert await found(client, text="churn") == ["G1", "G2"]
    assert await found(client, text="chrun") == ["G1", "G2"]
    assert await found(client, text="playbook") == []  # its deadline has passed
    assert await found(client, text="playbook", includeClosed=True) == ["G3"]
    assert await found(client, text="churn", statuses=["COMPLETED"]) == ["G4"]


async def test_filters_narrow_the_open_gigs(client: httpx.AsyncClient, db: Database) -> None:
    await search_org().load(db)
    assert await found(client, remote=True) == ["G2"]
    assert await found(client, remote=False) == ["G1"]
    assert await found(client, location="LEEDS", includeClosed=True) == ["G1", "G3"]
    assert await found(client, minHours=5) == ["G2"]
    assert await found(client, maxHours=4, includeClosed=True) == ["G1", "G3"]  # same age: by id
    assert await found(client, maxWeeks=6, order="HOURS", includeClosed=True) == ["G3", "G1"]
    assert await found(client, departmentId="D1", order="START_DATE") == ["G2", "G1"]
    assert await found(client, skillId="sql") == ["G1"]
    assert await found(client, types=["MENTORSHIP"], includeClosed=True) == ["G3"]


async def test_results_come_in_pages_with_a_total(client: httpx.AsyncClient, db: Database) -> None:
    await search_org().load(db)
    first = await graphql(client, SEARCH, "P1", variables={"search": {"order": "DEADLINE"},
                                                           "first": 1})  # fmt: skip
    page = first["data"]["searchGigs"]
    assert page["totalCount"] == 2
    assert [e["node"]["id"] for e in page["edges"]] == ["G1"]  # the deadline first
    assert page["edges"][0]["node"] == {
        "id": "G1",
        "location": "Leeds",
        "remote": False,
        "applicationDeadline": (TODAY + timedelta(days=14)).isoformat(),
    }
    rest = await graphql(
        client,
        SEARCH,
        "P1",
        variables={"search": {"order": "DEADLINE"}, "after": page["pageInfo"]["endCursor"]},
    )
    assert [e["node"]["id"] for e in rest["data"]["searchGigs"]["edges"]] == ["G2"]
    assert rest["data"]["searchGigs"]["pageInfo"]["hasNextPage"] is False


async def test_the_find_gigs_cards_and_their_total_cost_one_query(
    client: httpx.AsyncClient, db: Database
) -> None:
    await search_org().load(db)
    query = """{ searchGigs(search: {text: "churn"}, first: 1) {
                   totalCount edges { node { id owner { id } department { name }
                                             skills { skill { id } } } } } }"""

    body = await graphql(client, query, "P1")

    assert body["data"]["searchGigs"] == {
        "totalCount": 2,
        "edges": [{"node": {"id": "G1", "owner": {"id": "P1"}, "department": {"name": "Data"},
                            "skills": [{"skill": {"id": "sql"}}]}}],
    }  # fmt: skip
    assert body["extensions"]["queries"] == 1


async def test_drafts_are_found_by_their_owner_and_hr_only(
    client: httpx.AsyncClient, db: Database
) -> None:
    await search_org().load(db)
    assert await found(client, "P1", text="churn", statuses=["DRAFT"]) == []
    assert await found(client, "P2", text="churn", statuses=["DRAFT"]) == ["G5"]


async def test_bad_search_input_is_refused_with_the_field(
    client: httpx.AsyncClient, db: Database
) -> None:
    await search_org().load(db)
    for search, field in [({"text": "   "}, "search.text"), ({"maxHours": 50}, "search.maxHours")]:
        body = await graphql(client, SEARCH, "P1", variables={"search": search})
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["field"] == field


GIG_FIELDS = """mutation ($input: CreateGigInput!) { createGig(input: $input) { result {
  __typename ... on Gig { location remote applicationDeadline }
  ... on ValidationError { field message } } } }"""


async def test_owners_give_gigs_a_place_remote_work_and_a_deadline(
    client: httpx.AsyncClient, db: Database
) -> None:
    await search_org().load(db)
    base = {"title": "Data clinic", "type": "PROJECT", "departmentId": "D1"}
    deadline = (TODAY + timedelta(days=3)).isoformat()
    created = await mutate(
        client, GIG_FIELDS, "P1",
        input=base | {"location": "York", "remote": True, "applicationDeadline": deadline},
    )  # fmt: skip
    assert created == {
        "__typename": "Gig",
        "location": "York",
        "remote": True,
        "applicationDeadline": deadline,
    }
    past = await mutate(
        client, GIG_FIELDS, "P1",
        input=base | {"applicationDeadline": (TODAY - timedelta(days=1)).isoformat()},
    )  # fmt: skip
    assert past["field"] == "applicationDeadline"
    after_start = await mutate(
        client, GIG_FIELDS, "P1",
        input=base | {"startDate": deadline,
                      "applicationDeadline": (TODAY + timedelta(days=9)).isoformat()},
    )  # fmt: skip
    assert after_start == {
        "__typename": "ValidationError",
        "field": "applicationDeadline",
        "message": "must not be after the start date",
    }
