"""Reading people through the API: profiles with their nested fields, filters, pages, batching."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.database import Database
from seed.loader import load_org
from tests.support.api import graphql
from tests.support.factories import OrgFactory

PERSON = """
query ($id: ID!) {
  person(id: $id) {
    id name title location weeklyHours gigCapacityPct active
    department { id name parent { id } }
    manager { id name }
    reports { id }
    skills { skill { id label } proficiency validated source }
    aspirations { skill { id } interest visibility }
  }
}
"""

PEOPLE = """
query ($filter: PeopleFilter, $first: Int!, $after: String) {
  people(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


def small_org() -> OrgFactory:
    return (
        OrgFactory()
        .skill("python", "Python")
        .skill("sql", "SQL")
        .skill("rust", "Rust")
        .department("D1", "Engineering")
        .department("D2", "Data", parent_id="D1")
        .department("D3", "Sales")
        .person("P1", "D1", name="Grace Hopper", title="Head of engineering", location="Berlin")
        .person("P2", "D2", name="Ada Lovelace", manager_id="P1", location="London")
        .person("P3", "D2", name="Alan Turing", manager_id="P1", location="london")
        .person("P4", "D3", name="Joan Clarke", location="Paris")
        .has_skill("P2", "python", 4, validated=True)
        .has_skill("P2", "sql", 2)
        .has_skill("P3", "python", 2)
        .has_skill("P4", "sql", 5)
        .aspires("P2", "rust", 3, "private")
        .aspires("P2", "sql", 2, "matching")
    )


async def test_a_person_with_every_nested_field_in_one_request(
    client: httpx.AsyncClient, db: Database
) -> None:
    await small_org().load(db)

    body = await graphql(client, PERSON, "P2", variables={"id": "P2"})

    assert body["data"]["person"] == {
        "id": "P2",
        "name": "Ada Lovelace",
        "title": "",
        "location": "London",
        "weeklyHours": 40.0,
        "gigCapacityPct": 20.0,
        "active": True,
        "department": {"id": "D2", "name": "Data", "parent": {"id": "D1"}},
        "manager": {"id": "P1", "name": "Grace Hopper"},
        "reports": [],
        "skills": [
            {
                "skill": {"id": "python", "label": "Python"},
                "proficiency": 4,
                "validated": True,
                "source": "MANAGER",
            },
            {"skill": {"id": "sql", "label": "SQL"}, "proficiency": 2, "validated": False,
             "source": "SELF"},
        ],
        "aspirations": [
            {"skill": {"id": "rust"}, "interest": 3, "visibility": "PRIVATE"},
            {"skill": {"id": "sql"}, "interest": 2, "visibility": "MATCHING"},
        ],
    }  # fmt: skip


async def test_a_manager_sees_reports_and_an_unknown_id_is_null(
    client: httpx.AsyncClient, db: Database
) -> None:
    await small_org().load(db)

    body = await graphql(
        client, '{ person(id: "P1") { reports { id name } } nobody: person(id: "X") { id } }', "P4"
    )

    assert body["data"] == {
        "person": {
            "reports": [{"id": "P2", "name": "Ada Lovelace"}, {"id": "P3", "name": "Alan Turing"}]
        },
        "nobody": None,
    }


ASPIRATIONS_OF_P2 = {
    # loaded per person (DataLoaders)
    "profile": '{ person(id: "P2") { aspirations { skill { id } visibility } } }',
    # fetched with the page in one query (look-ahead)
    "directory": '{ people(filter: {location: "london"}, first: 1) '
    "{ edges { node { aspirations { skill { id } visibility } } } } }",
}


def _p2_aspirations(body: dict[str, Any]) -> list[str]:
    data = body["data"]
    person = data["person"] if "person" in data else data["people"]["edges"][0]["node"]
    return [aspiration["skill"]["id"] for aspiration in person["aspirations"]]


@pytest.mark.parametrize("screen", sorted(ASPIRATIONS_OF_P2))
async def test_private_aspirations_show_to_the_person_manager_and_hr_only(
    client: httpx.AsyncClient, db: Database, screen: str
) -> None:
    await small_org().load(db)
    query = ASPIRATIONS_OF_P2[screen]

    seen = {
        who: _p2_aspirations(await graphql(client, query, person, *roles))
        for who, person, roles in [
            ("self", "P2", ()),
            ("manager", "P1", ()),
            ("hr", "P4", ("hr",)),
            ("peer", "P3", ()),
            ("other", "P4", ()),
        ]
    }

    assert seen == {
        "self": ["rust", "sql"],
        "manager": ["rust", "sql"],
        "hr": ["rust", "sql"],
        "peer": ["sql"],
        "other": ["sql"],
    }


async def test_viewer_names_the_token_holder_and_roles(
    client: httpx.AsyncClient, db: Database
) -> None:
    await small_org().load(db)

    body = await graphql(client, "{ viewer { roles person { id name } } }", "P1", "hr")

    assert body["data"]["viewer"] == {
        "roles": ["employee", "hr"],
        "person": {"id": "P1", "name": "Grace Hopper"},
    }


async def test_people_filters(client: httpx.AsyncClient, db: Database) -> None:
    await small_org().update_person("P4", location="Paris").load(db)

    async def ids(filter: dict[str, object]) -> list[str]:
        body = await graphql(client, PEOPLE, "P1", variables={"filter": filter, "first": 10})
        return [edge["node"]["id"] for edge in body["data"]["people"]["edges"]]

    assert await ids({}) == ["P1", "P2", "P3", "P4"]
    assert await ids({"departmentId": "D1"}) == ["P1", "P2", "P3"]  # sub-departments included
    assert await ids({"departmentId": "D2"}) == ["P2", "P3"]
    assert await ids({"skillId": "python"}) == ["P2", "P3"]
    assert await ids({"skillId": "python", "minProficiency": 3}) == ["P2"]
    assert await ids({"location": "LONDON"}) == ["P2", "P3"]
    assert await ids({"departmentId": "D2", "skillId": "sql"}) == ["P2"]


async def test_inactive_people_only_when_asked_for(client: httpx.AsyncClient, db: Database) -> None:
    org = small_org()
    await org.load(db)
    org.org.people = [p for p in org.org.people if p.id != "P4"]
    await load_org(db, org.org, full_people_export=True)  # P4 left: inactive

    async def ids(filter: dict[str, object]) -> list[str]:
        body = await graphql(client, PEOPLE, "P1", variables={"filter": filter, "first": 10})
        return [edge["node"]["id"] for edge in body["data"]["people"]["edges"]]

    assert await ids({}) == ["P1", "P2", "P3"]
    assert await ids({"active": False}) == ["P4"]
    assert await ids({"active": None}) == ["P1", "P2", "P3", "P4"]


async def test_pages_follow_cursors_to_the_end(client: httpx.AsyncClient, db: Database) -> None:
    await small_org().load(db)
    seen: list[str] = []
    after = None
    pages = []
    while True:
        body = await graphql(client, PEOPLE, "P1", variables={"first": 3, "after": after})
        people = body["data"]["people"]
        pages.append(people["pageInfo"])
        seen += [edge["node"]["id"] for edge in people["edges"]]
        assert people["totalCount"] == 4
        assert body["extensions"]["queries"] == 1  # the page and the total together
        if not people["pageInfo"]["hasNextPage"]:
            break
        after = people["pageInfo"]["endCursor"]

    assert seen == ["P1", "P2", "P3", "P4"]
    assert [(p["hasNextPage"], p["hasPreviousPage"]) for p in pages] == [
        (True, False),
        (False, True),
    ]


async def test_page_size_and_cursor_are_checked(client: httpx.AsyncClient, db: Database) -> None:
    await small_org().load(db)

    too_big = await graphql(client, PEOPLE, "P1", variables={"first": 101})
    forged = await graphql(client, PEOPLE, "P1", variables={"first": 5, "after": "bm9wZQ=="})

    assert too_big["data"] is None
    assert too_big["errors"][0]["message"] == "first: must be between 1 and 100"
    assert too_big["errors"][0]["extensions"]["code"] == "VALIDATION"
    assert forged["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "after"}


def fifty_people() -> OrgFactory:
    org = OrgFactory().skill("python").skill("sql").department("D1").department("D2")
    for n in range(60):
        person = f"P{n:02}"
        org.person(person, f"D{n % 2 + 1}", manager_id="P00" if n else None)
        org.has_skill(person, "python", 3).has_skill(person, "sql", 1 + n % 5)
    return org


async def test_a_page_of_50_people_with_their_details_costs_one_query(
    client: httpx.AsyncClient, db: Database
) -> None:
    await fifty_people().load(db)
    query = """
      { people(first: 50) { edges { node { id name department { id name } manager { id }
                                          skills { proficiency skill { id label } } } } } }
    """

    body = await graphql(client, query, "P00")

    nodes = [edge["node"] for edge in body["data"]["people"]["edges"]]
    assert len(nodes) == 50
    assert nodes[7] == {
        "id": "P07",
        "name": "Person P07",
        "department": {"id": "D2", "name": "Department D2"},
        "manager": {"id": "P00"},
        "skills": [  # strongest first
            {"proficiency": 3, "skill": {"id": "python", "label": "python"}},
            {"proficiency": 3, "skill": {"id": "sql", "label": "sql"}},
        ],
    }
    assert nodes[0]["manager"] is None
    assert [nodes[n]["skills"][0]["skill"]["id"] for n in (3, 5)] == ["sql", "python"]
    # the page with every department, manager and skill list: one query, not 151
    assert body["extensions"]["queries"] == 1


async def test_the_page_looks_ahead_through_fragments_and_loads_what_it_did_not_fetch(
    client: httpx.AsyncClient, db: Database
) -> None:
    await fifty_people().load(db)
    query = """
      fragment Card on Person { department { name } }
      { people(first: 50) { edges { node { ...Card ... on Person { skills { proficiency } } } } }
        person(id: "P01") { manager { name department { name } } } }
    """

    body = await graphql(client, query, "P00")

    nodes = [edge["node"] for edge in body["data"]["people"]["edges"]]
    assert nodes[1] == {
        "department": {"name": "Department D2"},
        "skills": [{"proficiency": 3}, {"proficiency": 2}],
    }
    assert body["data"]["person"] == {
        "manager": {"name": "Person P00", "department": {"name": "Department D1"}}
    }
    # the page (fragments looked through), the person, their manager, the manager's department
    assert body["extensions"]["queries"] == 4


async def test_departments_with_their_tree_and_headcount(
    client: httpx.AsyncClient, db: Database
) -> None:
    await small_org().load(db)
    query = """
      { departments { id name headcount parent { id } children { id } }
        department(id: "D2") { name } missing: department(id: "D9") { id } }
    """

    body = await graphql(client, query, "P1")

    assert body["data"] == {
        "departments": [
            {"id": "D2", "name": "Data", "headcount": 2, "parent": {"id": "D1"}, "children": []},
            {"id": "D1", "name": "Engineering", "headcount": 3, "parent": None,
             "children": [{"id": "D2"}]},
            {"id": "D3", "name": "Sales", "headcount": 1, "parent": None, "children": []},
        ],
        "department": {"name": "Data"},
        "missing": None,
    }  # fmt: skip


async def test_a_menu_of_the_top_of_the_tree_gets_only_the_levels_it_asks_for(
    client: httpx.AsyncClient, db: Database
) -> None:
    await small_org().department("D4", "Platform", parent_id="D2").load(db)
    query = "query ($depth: Int) { departments(maxDepth: $depth) { id } }"

    async def ids(depth: int | None) -> list[str]:
        body = await graphql(client, query, "P1", variables={"depth": depth})
        return [department["id"] for department in body["data"]["departments"]]

    assert await ids(0) == ["D1", "D3"]  # Engineering, Sales
    assert await ids(1) == ["D2", "D1", "D3"]  # Data joins, inside Engineering
    assert await ids(None) == ["D2", "D1", "D4", "D3"]
    refused = await graphql(client, query, "P1", variables={"depth": -1})
    assert refused["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "maxDepth"}


async def test_the_department_tree_costs_one_query_a_level_however_many_departments(
    client: httpx.AsyncClient, db: Database
) -> None:
    org = small_org().department("D4", "Platform", parent_id="D2")
    await org.load(db)

    flat = await graphql(client, "{ departments { id parent { id name } } }", "P1")
    deep = await graphql(client, "{ departments { id parent { parent { id } } } }", "P1")

    assert flat["data"]["departments"] == [
        {"id": "D2", "parent": {"id": "D1", "name": "Engineering"}},
        {"id": "D1", "parent": None},
        {"id": "D4", "parent": {"id": "D2", "name": "Data"}},
        {"id": "D3", "parent": None},
    ]
    assert flat["extensions"]["queries"] == 1  # the parents come with the list
    assert deep["data"]["departments"] == [
        {"id": "D2", "parent": {"parent": None}},
        {"id": "D1", "parent": None},
        {"id": "D4", "parent": {"parent": {"id": "D1"}}},
        {"id": "D3", "parent": None},
    ]
    assert deep["extensions"]["queries"] == 2  # the parents' parents: one batched query
