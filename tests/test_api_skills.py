"""The skills taxonomy through the API: search, the hierarchy, holders, and admin changes."""

from __future__ import annotations

import httpx

from graph.database import Database
from tests.support.api import graphql, mutate
from tests.support.factories import OrgFactory

UPSERT = """
mutation ($input: CustomSkillInput!) {
  upsertCustomSkill(input: $input) {
    result {
      __typename
      ... on Skill { id label aliases description custom deprecated broader { id } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
}
"""

DEPRECATE = """
mutation ($id: ID!) {
  deprecateSkill(input: {id: $id}) {
    result { __typename ... on Skill { deprecated } ... on UserError { message } }
  }
}
"""


def taxonomy() -> OrgFactory:
    return (
        OrgFactory()
        .skill("programming", "Computer programming", "coding")
        .skill("python", "Python (computer programming)", "python", "py")
        .skill("pandas", "pandas", "python data analysis")
        .skill("sql", "SQL", "structured query language")
        .broader("python", "programming")
        .related("python", "sql", 0.8)
        .related("pandas", "python", 0.9)
        .department("D1")
        .person("P1", "D1")
        .person("P2", "D1")
        .has_skill("P1", "python", 4)
        .has_skill("P2", "python", 2)
    )


async def test_a_skill_with_its_neighbourhood_and_holders(
    client: httpx.AsyncClient, db: Database
) -> None:
    await taxonomy().load(db)
    query = """
      { skill(id: "python") { label aliases broader { id } narrower { id } holderCount
                              related { weight skill { id } } }
        programming: skill(id: "programming") { narrower { id } holderCount } }
    """

    body = await graphql(client, query, "P1")

    assert body["data"] == {
        "skill": {
            "label": "Python (computer programming)",
            "aliases": ["python", "py"],
            "broader": [{"id": "programming"}],
            "narrower": [],
            "holderCount": 2,
            "related": [
                {"weight": 0.9, "skill": {"id": "pandas"}},
                {"weight": 0.8, "skill": {"id": "sql"}},
            ],
        },
        "programming": {"narrower": [{"id": "python"}], "holderCount": 0},
    }


async def test_search_ranks_labels_and_aliases_and_forgives_typos(
    client: httpx.AsyncClient, db: Database
) -> None:
    await taxonomy().load(db)
    query = """query ($q: String!) { skills(search: $q, first: 5) {
                 totalCount edges { node { id } } } }"""

    async def ids(search: str) -> list[str]:
        body = await graphql(client, query, "P1", variables={"q": search})
        return [edge["node"]["id"] for edge in body["data"]["skills"]["edges"]]

    assert (await ids("python"))[0] == "python"
    assert "pandas" in await ids("python")  # through its alias
    assert (await ids("structured query"))[0] == "sql"
    assert (await ids("pyhton"))[0] == "python"
    assert await ids('") OR *:*') == []  # Lucene syntax is text, not a query


async def test_search_pages_follow_the_ranking(client: httpx.AsyncClient, db: Database) -> None:
    await taxonomy().load(db)
    query = """query ($after: String) { skills(search: "python", first: 1, after: $after) {
                 totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }"""

    first = (await graphql(client, query, "P1"))["data"]["skills"]
    after = first["pageInfo"]["endCursor"]
    second = (await graphql(client, query, "P1", variables={"after": after}))["data"]["skills"]

    assert first["totalCount"] == second["totalCount"] == 2
    assert [e["node"]["id"] for e in first["edges"] + second["edges"]] == ["python", "pandas"]
    assert (first["pageInfo"]["hasNextPage"], second["pageInfo"]["hasNextPage"]) == (True, False)


async def test_every_skill_in_id_order_without_search(
    client: httpx.AsyncClient, db: Database
) -> None:
    await taxonomy().load(db)

    body = await graphql(client, "{ skills(first: 10) { totalCount edges { node { id } } } }", "P1")

    skills = body["data"]["skills"]
    assert [e["node"]["id"] for e in skills["edges"]] == ["pandas", "programming", "python", "sql"]
    assert skills["totalCount"] == 4


async def test_admins_add_and_change_custom_skills(client: httpx.AsyncClient, db: Database) -> None:
    await taxonomy().load(db)
    forge = {
        "id": "acme-forge",
        "label": "Forge",
        "aliases": ["forge ci"],
        "broaderId": "programming",
    }

    added = await graphql(client, UPSERT, "P1", "admin", variables={"input": forge})
    changed = await graphql(
        client, UPSERT, "P1", "admin", variables={"input": forge | {"description": "Our CI"}}
    )
    found = await graphql(client, '{ skills(search: "forge ci") { edges { node { id } } } }', "P2")

    assert added["data"]["upsertCustomSkill"]["result"] == {
        "__typename": "Skill",
        "id": "acme-forge",
        "label": "Forge",
        "aliases": ["forge ci"],
        "description": "",
        "custom": True,
        "deprecated": False,
        "broader": [{"id": "programming"}],
    }
    assert changed["data"]["upsertCustomSkill"]["result"]["description"] == "Our CI"
    assert found["data"]["skills"]["edges"][0]["node"]["id"] == "acme-forge"


async def test_custom_skill_rules(client: httpx.AsyncClient, db: Database) -> None:
    await taxonomy().load(db)

    async def result(who: tuple[str, ...], **input: object) -> dict[str, object]:
        body = await graphql(client, UPSERT, *who, variables={"input": {"label": "X"} | input})
        outcome: dict[str, object] = body["data"]["upsertCustomSkill"]["result"]
        return outcome

    employee = await result(("P1",), id="acme-x")
    hr = await result(("P1", "hr"), id="acme-x")
    taxonomy_skill = await result(("P1", "admin"), id="python", label="Snake")
    duplicate = await result(("P1", "admin"), id="acme-sql", label="sql")
    bad_id = await result(("P1", "admin"), id="no spaces")
    unknown_broader = await result(("P1", "admin"), id="acme-x", broaderId="nope")

    assert employee == {
        "__typename": "Forbidden",
        "message": "only admins may change the skills taxonomy",
    }
    assert hr["__typename"] == "Forbidden"
    assert taxonomy_skill["__typename"] == "Conflict"
    assert duplicate == {
        "__typename": "Conflict",
        "message": "a skill labelled 'sql' already exists",
    }
    assert (bad_id["__typename"], bad_id["field"]) == ("ValidationError", "id")
    assert unknown_broader["__typename"] == "NotFound"
    body = await graphql(
        client, '{ skill(id: "python") { label } x: skill(id: "acme-x") { id } }', "P1"
    )
    assert body["data"] == {"skill": {"label": "Python (computer programming)"}, "x": None}


async def test_deprecating_a_skill(client: httpx.AsyncClient, db: Database) -> None:
    await taxonomy().load(db)

    by_employee = await graphql(client, DEPRECATE, "P1", variables={"id": "sql"})
    by_admin = await graphql(client, DEPRECATE, "P1", "admin", variables={"id": "sql"})
    unknown = await graphql(client, DEPRECATE, "P1", "admin", variables={"id": "nope"})
    listed = await graphql(client, "{ skills { edges { node { id } } } }", "P1")

    assert by_employee["data"]["deprecateSkill"]["result"]["__typename"] == "Forbidden"
    assert by_admin["data"]["deprecateSkill"]["result"] == {
        "__typename": "Skill",
        "deprecated": True,
    }
    assert unknown["data"]["deprecateSkill"]["result"]["__typename"] == "NotFound"
    assert "sql" not in [e["node"]["id"] for e in listed["data"]["skills"]["edges"]]


async def test_search_text_is_checked(client: httpx.AsyncClient, db: Database) -> None:
    await taxonomy().load(db)
    query = "query ($q: String!) { skills(search: $q) { totalCount } }"

    blank = await graphql(client, query, "P1", variables={"q": "   "})
    long = await graphql(client, query, "P1", variables={"q": "python " * 40})

    assert blank["errors"][0]["message"] == "search: must contain a word"
    assert long["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "search"}


SEARCH = """query ($q: String!) { skills(search: $q, first: 5) {
              totalCount edges { node { id matchedName } } } }"""


async def found(client: httpx.AsyncClient, search: str) -> list[tuple[str, str]]:
    body = await graphql(client, SEARCH, "P1", variables={"q": search})
    return [(e["node"]["id"], e["node"]["matchedName"]) for e in body["data"]["skills"]["edges"]]


def everyday_taxonomy() -> OrgFactory:
    """Labels the way ESCO and O*NET write them, and people who hold some of them."""
    return (
        OrgFactory()
        .skill("analytics", "data analytics")
        .skill("analysis", "perform data analysis", "data analytics", "analyse data")
        .skill("analytics-sw", "data analytics software", "analytics tools")
        .skill("call", "call-centre technologies", "call center technologies")
        .skill("sim", "simulation-based clinical education")
        .skill("csharp", "C#", "C sharp")
        .skill("cpp", "C++")
        .skill("c", "C (computer programming)")
        .skill("excel", "Microsoft Excel", "Excel", type="technology")
        .skill("sheets", "use spreadsheets software", "spreadsheets")
        .skill("pm-group", "project management", is_group=True)
        .skill("pm", "project management", "manage projects")
        .skill("plan", "budget planning")
        .skill("ctrl", "budget control")
        .skill("python", "Python (computer programming)", "Python")
        .department("D1")
        .person("P1", "D1")
        .person("P2", "D1")
        .person("P3", "D1")
        .has_skill("P1", "analysis", 3)
        .has_skill("P2", "analysis", 3)
        .has_skill("P1", "ctrl", 3)
        .has_skill("P2", "ctrl", 3)
    )


async def test_an_exact_label_comes_first_even_when_others_are_held_more(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    assert (await found(client, "Data Analytics"))[:2] == [
        ("analytics", "data analytics"),
        ("analysis", "data analytics"),  # the alias, exact too, then the longer label
    ]
    assert (await found(client, "pyth"))[0] == ("python", "Python")  # typeahead
    assert (await found(client, "pyhton"))[0] == ("python", "Python")  # a typo
    assert (await found(client, "analyse dta"))[0] == ("analysis", "analyse data")


async def test_hyphenated_and_symbol_labels_are_found_and_text_never_changes_the_query(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    assert (await found(client, "call-centre technologies"))[0][0] == "call"
    assert (await found(client, "call centre technologies"))[0][0] == "call"
    assert (await found(client, "simulation-based clinical education"))[0][0] == "sim"
    assert (await found(client, "C#"))[0] == ("csharp", "C#")
    assert (await found(client, "c++"))[0] == ("cpp", "C++")
    for text in ('"data" & analytics', "data/analytics", "data+analytics", "#data analytics"):
        assert (await found(client, text))[0][0] in {"analytics", "analysis"}, text
    assert await found(client, '") OR *:*') == []  # query syntax is only text
    long = "someone who can do the data analytics and budget control for our team please"
    assert {id for id, _ in await found(client, long)} >= {"analytics", "ctrl"}


async def test_tools_are_found_by_everyday_names_and_groups_come_after_skills(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    assert (await found(client, "excel"))[0] == ("excel", "Excel")
    assert [id for id, _ in await found(client, "project management")][:2] == ["pm", "pm-group"]


async def test_equally_good_matches_go_to_the_skill_more_people_hold(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    assert [id for id, _ in await found(client, "budget")] == ["ctrl", "plan"]


async def test_a_gig_naming_an_unknown_skill_is_told_what_the_search_would_offer(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    mutation = """mutation ($input: CreateGigInput!) { createGig(input: $input) { result {
                    __typename ... on UserError { message } } } }"""
    gig = {
        "title": "Dashboard",
        "type": "PROJECT",
        "departmentId": "D1",
        "hoursPerWeek": 4,
        "durationWeeks": 4,
        "skills": [{"skillId": "pyhton"}],
    }
    body = await graphql(client, mutation, "P1", variables={"input": gig})
    result = body["data"]["createGig"]["result"]
    assert result["__typename"] == "NotFound"
    assert result["message"] == (
        "Skill 'pyhton' does not exist; did you mean 'Python (computer programming)'"
    )


SET_SKILL = """mutation ($skill: ID!) { setSkill(input: {skillId: $skill, proficiency: 3}) {
                 result { __typename } } }"""
REMOVE_SKILL = """mutation ($skill: ID!) { removeSkill(input: {skillId: $skill}) {
                    result { __typename } } }"""


async def test_a_skill_people_add_or_remove_changes_the_tie_order_at_once(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    assert [id for id, _ in await found(client, "budget")] == ["ctrl", "plan"]  # 2 holders to 0

    for person in ("P1", "P2", "P3"):
        await mutate(client, SET_SKILL, person, skill="plan")
    assert [id for id, _ in await found(client, "budget")] == ["plan", "ctrl"]  # 3 to 2

    for person in ("P1", "P2"):
        await mutate(client, REMOVE_SKILL, person, skill="plan")
    assert [id for id, _ in await found(client, "budget")] == ["ctrl", "plan"]  # 2 to 1


async def test_a_search_asks_the_graph_once_and_finds_a_reimported_taxonomy_at_once(
    client: httpx.AsyncClient, db: Database
) -> None:
    await everyday_taxonomy().load(db)
    query = """query ($q: String!) { skills(search: $q) { edges { node { id } } } }"""

    async def search(text: str) -> tuple[list[str], int]:
        body = await graphql(client, query, "P1", variables={"q": text})
        edges = body["data"]["skills"]["edges"]
        return [e["node"]["id"] for e in edges], body["extensions"]["queries"]

    await search("budget")
    assert await search("budget control") == (["ctrl"], 1)
    assert await search("polars") == ([], 1)

    await OrgFactory().skill("polars", "Polars (dataframe library)", "polars").load(db)
    assert (await search("polars"))[0] == ["polars"]  # the next search already finds it
    assert await search("polars") == (["polars"], 1)
