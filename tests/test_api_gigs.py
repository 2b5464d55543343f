"""Gigs through the API: reading and filtering, and their owners creating, changing, publishing
and cancelling them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import httpx
import pytest

from graph.database import Database
from graph.vocabulary import GigStatus
from resolvers import gigs
from resolvers.workflow.rules import GIG_TRANSITIONS
from tests.support.api import context, graphql, mutate
from tests.support.factories import OrgFactory

RESULT = """
  __typename
  ... on Gig { id title status type hoursPerWeek durationWeeks startDate seats externalHourlyRate
               owner { id } department { id }
               skills { skill { id } minProficiency importance } }
  ... on UserError { message }
  ... on ValidationError { field }
  ... on NotFound { kind id }
  ... on Conflict { currentState }
"""
CREATE = f"""mutation ($input: CreateGigInput!) {{
  createGig(input: $input) {{ result {{ {RESULT} }} }} }}"""
UPDATE = f"""mutation ($input: UpdateGigInput!) {{
  updateGig(input: $input) {{ result {{ {RESULT} }} }} }}"""
PUBLISH = f"mutation ($id: ID!) {{ publishGig(input: {{id: $id}}) {{ result {{ {RESULT} }} }} }}"
CANCEL = f"mutation ($id: ID!) {{ cancelGig(input: {{id: $id}}) {{ result {{ {RESULT} }} }} }}"
GIGS = """query ($filter: GigsFilter) { gigs(filter: $filter, first: 20) {
            totalCount edges { node { id } } } }"""

NEXT_MONTH = (date.today() + timedelta(days=30)).isoformat()


def org() -> OrgFactory:
    return (
        OrgFactory()
        .skill("python", "Python")
        .skill("sql", "SQL")
        .skill("cobol", "COBOL")
        .department("D1", "Engineering")
        .department("D2", "Data", parent_id="D1")
        .department("D3", "Sales")
        .person("P1", "D1")
        .person("P2", "D2")
        .person("P3", "D3")
        .gig("G1", "P1", "D1", type="project", status="open")
        .gig("G2", "P2", "D2", type="mentorship", status="open")
        .gig("G3", "P3", "D3", type="project", status="completed")
        .gig("G4", "P1", "D1", status="draft", published_at=None)
        .requires("G1", "python", 3)
        .requires("G1", "sql", 2, "learnable")
        .requires("G2", "sql", 4)
    )


def new_gig(**fields: object) -> dict[str, object]:
    return {
        "title": "Churn dashboard",
        "type": "PROJECT",
        "departmentId": "D2",
        "hoursPerWeek": 6,
        "durationWeeks": 8,
        "startDate": NEXT_MONTH,
        "seats": 2,
        "externalHourlyRate": 95,
        "skills": [
            {"skillId": "python", "minProficiency": 3, "importance": "REQUIRED"},
            {"skillId": "sql", "minProficiency": 2, "importance": "NICE_TO_HAVE"},
        ],
    } | fields


async def gig_ids(client: httpx.AsyncClient, who: str, *roles: str, **filter: object) -> list[str]:
    body = await graphql(client, GIGS, who, *roles, variables={"filter": filter})
    return [edge["node"]["id"] for edge in body["data"]["gigs"]["edges"]]


async def test_a_gig_with_owner_department_and_skills(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    query = """{ gig(id: "G1") { title status owner { id } department { name }
                 skills { skill { label } minProficiency importance } } }"""

    body = await graphql(client, query, "P3")

    assert body["data"]["gig"] == {
        "title": "Gig G1",
        "status": "OPEN",
        "owner": {"id": "P1"},
        "department": {"name": "Engineering"},
        "skills": [
            {"skill": {"label": "Python"}, "minProficiency": 3, "importance": "REQUIRED"},
            {"skill": {"label": "SQL"}, "minProficiency": 2, "importance": "LEARNABLE"},
        ],
    }
    assert body["extensions"]["queries"] == 1  # the gig with its owner, department and skills


async def test_a_page_of_gigs_with_owners_skills_and_the_total_costs_one_query(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    query = """{ gigs(filter: {statuses: [OPEN]}, first: 1) { totalCount
                   edges { node { id owner { id } department { name }
                                  skills { skill { id } importance } } } } }"""

    body = await graphql(client, query, "P3")

    assert [edge["node"] for edge in body["data"]["gigs"]["edges"]] == [
        {"id": "G1", "owner": {"id": "P1"}, "department": {"name": "Engineering"},
         "skills": [{"skill": {"id": "python"}, "importance": "REQUIRED"},
                    {"skill": {"id": "sql"}, "importance": "LEARNABLE"}]},
    ]  # fmt: skip
    assert body["data"]["gigs"]["totalCount"] == 2  # over every page
    assert body["extensions"]["queries"] == 1


async def test_a_page_read_without_its_total_still_counts_every_match_when_asked(
    db: Database,
) -> None:
    await org().load(db)

    page = await gigs.gigs_page(context(db, "P3"), gigs.GigsFilter(statuses=("open",)), 1, None)

    assert [gig.id for gig in page.rows] == ["G1"]
    assert await page.count() == 2


async def test_gig_filters(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    assert await gig_ids(client, "P3") == ["G1", "G2", "G3"]
    assert await gig_ids(client, "P3", statuses=["OPEN"]) == ["G1", "G2"]
    assert await gig_ids(client, "P3", type="MENTORSHIP") == ["G2"]
    assert await gig_ids(client, "P3", departmentId="D1") == ["G1", "G2"]
    assert await gig_ids(client, "P3", skillId="sql", statuses=["OPEN"]) == ["G1", "G2"]
    assert await gig_ids(client, "P3", skillId="python") == ["G1"]


async def test_filters_combine(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    assert await gig_ids(client, "P3", ownerId="P1") == ["G1"]
    assert await gig_ids(client, "P1", ownerId="P1") == ["G1", "G4"]
    assert await gig_ids(client, "P3", ownerId="P1", skillId="sql") == ["G1"]
    assert await gig_ids(client, "P3", ownerId="P1", statuses=["COMPLETED"]) == []
    assert await gig_ids(client, "P3", ownerId="P2", departmentId="D3") == []
    assert await gig_ids(client, "P3", skillId="sql", departmentId="D2") == ["G2"]
    assert await gig_ids(client, "P3", skillId="sql", type="PROJECT") == ["G1"]
    assert await gig_ids(client, "P3", departmentId="D1", type="MENTORSHIP") == ["G2"]
    assert await gig_ids(client, "P3", departmentId="D1", statuses=["OPEN"]) == ["G1", "G2"]
    assert await gig_ids(client, "P3", departmentId="D1", statuses=["COMPLETED"]) == []
    assert await gig_ids(client, "P3", departmentId="D2", ownerId="P1") == []


async def test_a_filtered_list_counts_and_pages_what_it_lists(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    query = """query ($filter: GigsFilter, $after: String) {
                 gigs(filter: $filter, first: 1, after: $after) {
                   totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""

    async def walk(who: str, **filter: object) -> tuple[list[int], list[str]]:
        totals: list[int] = []
        seen: list[str] = []
        after = None
        while True:
            body = await graphql(client, query, who, variables={"filter": filter, "after": after})
            gigs = body["data"]["gigs"]
            totals.append(gigs["totalCount"])
            seen += [edge["node"]["id"] for edge in gigs["edges"]]
            if not gigs["pageInfo"]["hasNextPage"]:
                return totals, seen
            after = gigs["pageInfo"]["endCursor"]

    assert await walk("P1", ownerId="P1") == ([2, 2], ["G1", "G4"])
    assert await walk("P3", skillId="sql") == ([2, 2], ["G1", "G2"])
    assert await walk("P3", departmentId="D1") == ([2, 2], ["G1", "G2"])
    assert await walk("P3", statuses=["OPEN", "COMPLETED"]) == ([3, 3, 3], ["G1", "G2", "G3"])
    assert await walk("P3", type="PROJECT") == ([2, 2], ["G1", "G3"])


async def test_drafts_show_to_their_owner_and_hr_only(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    draft = '{ gig(id: "G4") { id } }'
    with_details = '{ gig(id: "G4") { id owner { id } skills { importance } } }'

    assert await gig_ids(client, "P1", statuses=["DRAFT"]) == ["G4"]
    assert await gig_ids(client, "P2", "hr", statuses=["DRAFT"]) == ["G4"]
    assert await gig_ids(client, "P2", statuses=["DRAFT"]) == []
    assert (await graphql(client, draft, "P1"))["data"]["gig"] == {"id": "G4"}
    assert (await graphql(client, draft, "P2"))["data"]["gig"] is None
    assert (await graphql(client, with_details, "P2"))["data"]["gig"] is None
    assert (await graphql(client, with_details, "P1"))["data"]["gig"] == {
        "id": "G4",
        "owner": {"id": "P1"},
        "skills": [],
    }


async def test_create_a_draft_then_publish_it(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    created = await mutate(client, CREATE, "P2", input={"id": "G9"} | new_gig())
    published = await mutate(client, PUBLISH, "P2", id="G9")

    assert created == {
        "__typename": "Gig",
        "id": "G9",
        "title": "Churn dashboard",
        "status": "DRAFT",
        "type": "PROJECT",
        "hoursPerWeek": 6.0,
        "durationWeeks": 8,
        "startDate": NEXT_MONTH,
        "seats": 2,
        "externalHourlyRate": 95.0,
        "owner": {"id": "P2"},
        "department": {"id": "D2"},
        "skills": [
            {"skill": {"id": "python"}, "minProficiency": 3, "importance": "REQUIRED"},
            {"skill": {"id": "sql"}, "minProficiency": 2, "importance": "NICE_TO_HAVE"},
        ],
    }
    assert published["status"] == "OPEN"
    assert "G9" in await gig_ids(client, "P3", statuses=["OPEN"])


async def test_a_created_gig_gets_an_id_when_none_is_given(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)

    created = await mutate(client, CREATE, "P2", input=new_gig())

    assert str(created["id"]).startswith("G-")
    assert created["status"] == "DRAFT"


async def test_bad_gig_input_is_refused_and_writes_nothing(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    await mutate(
        client,
        'mutation { deprecateSkill(input: {id: "cobol"}) { result { __typename } } }',
        "P1",
        "admin",
    )
    python = {"skillId": "python", "minProficiency": 3, "importance": "REQUIRED"}
    cases = {
        "hoursPerWeek": new_gig(hoursPerWeek=0),
        "seats": new_gig(seats=0),
        "startDate": new_gig(startDate="2020-01-01"),
        "title": new_gig(title=""),
        "skills": new_gig(skills=[python, python]),
        "skills.minProficiency": new_gig(skills=[python | {"minProficiency": 7}]),
    }

    for field, input in cases.items():
        result = await mutate(client, CREATE, "P2", input={"id": "G9"} | input)
        assert (result["__typename"], result["field"]) == ("ValidationError", field)
    unknown_skill = await mutate(
        client, CREATE, "P2", input={"id": "G9"} | new_gig(skills=[python, {"skillId": "nope"}])
    )
    deprecated = await mutate(
        client, CREATE, "P2", input={"id": "G9"} | new_gig(skills=[{"skillId": "cobol"}])
    )
    unknown_department = await mutate(
        client, CREATE, "P2", input={"id": "G9"} | new_gig(departmentId="D9")
    )
    missing_title = await mutate(client, CREATE, "P2", input={"id": "G9"} | new_gig(title=None))
    duplicate = await mutate(client, CREATE, "P2", input={"id": "G1"} | new_gig())

    assert (unknown_skill["__typename"], unknown_skill["id"]) == ("NotFound", "nope")
    assert (deprecated["__typename"], deprecated["field"]) == ("ValidationError", "skills")
    assert (unknown_department["kind"], unknown_department["id"]) == ("Department", "D9")
    assert (missing_title["__typename"], missing_title["field"]) == ("ValidationError", "title")
    assert duplicate["__typename"] == "Conflict"
    assert await gig_ids(client, "P2", "hr") == ["G1", "G2", "G3", "G4"]
    body = await graphql(client, '{ gig(id: "G1") { title skills { skill { id } } } }', "P1")
    assert body["data"]["gig"] == {
        "title": "Gig G1",
        "skills": [{"skill": {"id": "python"}}, {"skill": {"id": "sql"}}],
    }


async def test_the_owner_updates_a_gig(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    updated = await mutate(
        client,
        UPDATE,
        "P1",
        input={"id": "G1"}
        | {"title": "Churn v2", "departmentId": "D2", "skills": [{"skillId": "sql"}]},
    )

    assert (updated["title"], updated["status"], updated["hoursPerWeek"]) == (
        "Churn v2",
        "OPEN",
        4.0,
    )
    assert updated["department"] == {"id": "D2"}
    assert updated["skills"] == [
        {"skill": {"id": "sql"}, "minProficiency": 3, "importance": "REQUIRED"}
    ]


async def test_a_gig_is_posted_for_a_department_of_the_posters_line_or_by_hr(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    postable = "{ viewer { postableDepartments { id } } }"

    from_sales = await mutate(client, CREATE, "P3", input={"id": "G9"} | new_gig(departmentId="D1"))
    moved_to_sales = await mutate(client, UPDATE, "P1", input={"id": "G1", "departmentId": "D3"})
    from_data_for_engineering = await mutate(
        client, CREATE, "P2", input={"id": "G8"} | new_gig(departmentId="D1")
    )
    by_hr = await mutate(
        client, CREATE, "P3", "hr", input={"id": "G7"} | new_gig(departmentId="D1")
    )

    refusal = "only the department's members and HR may post gigs for it"
    assert from_sales == {"__typename": "Forbidden", "message": refusal}
    assert moved_to_sales == {"__typename": "Forbidden", "message": refusal}
    assert from_data_for_engineering["department"] == {"id": "D1"}
    assert by_hr["department"] == {"id": "D1"}
    assert await gig_ids(client, "P3", "hr", departmentId="D3") == ["G3"]
    lines = [
        [
            department["id"]
            for department in (await graphql(client, postable, who, *roles))["data"]["viewer"][
                "postableDepartments"
            ]
        ]
        for who, roles in (("P1", ()), ("P2", ()), ("P3", ()), ("P3", ("hr",)))
    ]
    assert lines == [["D2", "D1"], ["D2", "D1"], ["D3"], ["D2", "D1", "D3"]]


async def test_only_the_owner_or_an_admin_changes_a_gig(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)

    update = await mutate(client, UPDATE, "P2", input={"id": "G1"} | {"title": "Mine now"})
    by_hr = await mutate(client, PUBLISH, "P2", "hr", id="G4")
    cancel = await mutate(client, CANCEL, "P3", id="G1")
    by_admin = await mutate(client, CANCEL, "P3", "admin", id="G1")

    assert update == {"__typename": "Forbidden", "message": "only the gig's owner may change it"}
    assert by_hr["__typename"] == "Forbidden"
    assert cancel["__typename"] == "Forbidden"
    assert by_admin["status"] == "CANCELLED"
    body = await graphql(client, '{ gig(id: "G4") { status } }', "P1")
    assert body["data"]["gig"] == {"status": "DRAFT"}


@pytest.mark.parametrize("event", ["publish", "cancel"])
async def test_the_owner_moves_a_gig_as_the_transition_table_says(
    client: httpx.AsyncClient, db: Database, event: Literal["publish", "cancel"]
) -> None:
    factory = org()
    for status in GigStatus:
        factory.gig(f"S-{status}", "P1", "D1", status=status).requires(f"S-{status}", "python")
    await factory.load(db)
    rule = GIG_TRANSITIONS[event]

    results = {
        status: await mutate(
            client, PUBLISH if event == "publish" else CANCEL, "P1", id=f"S-{status}"
        )
        for status in GigStatus
    }

    for status, result in results.items():
        if status in rule.sources:
            assert result["status"] == rule.target.upper(), status
        else:
            assert result == {
                "__typename": "Conflict",
                "message": f"cannot {event} a gig that is {status}",
                "currentState": status,
            }


async def test_transitions_a_gig_cannot_make(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    publish_open = await mutate(client, PUBLISH, "P1", id="G1")
    cancel_completed = await mutate(client, CANCEL, "P3", id="G3")
    update_completed = await mutate(client, UPDATE, "P3", input={"id": "G3"} | {"title": "x"})
    publish_without_skills = await mutate(client, PUBLISH, "P1", id="G4")
    unknown = await mutate(client, CANCEL, "P1", id="G404")

    assert publish_open == {
        "__typename": "Conflict",
        "message": "cannot publish a gig that is open",
        "currentState": "open",
    }
    assert cancel_completed["message"] == "cannot cancel a gig that is completed"
    assert update_completed["currentState"] == "completed"
    assert (publish_without_skills["__typename"], publish_without_skills["field"]) == (
        "ValidationError",
        "skills",
    )
    assert (unknown["__typename"], unknown["kind"]) == ("NotFound", "Gig")


async def test_cancel_a_draft_and_an_open_gig(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    draft = await mutate(client, CANCEL, "P1", id="G4")
    open_gig = await mutate(client, CANCEL, "P2", id="G2")

    assert (draft["status"], open_gig["status"]) == ("CANCELLED", "CANCELLED")
    assert await gig_ids(client, "P3", statuses=["OPEN"]) == ["G1"]
