"""Compiled projections answer exactly what graphql-core's standard completion answers: the same
JSON, byte for byte, for fragments, aliases, `__typename`, nulls, directives, abstract types and
errors, and the same permission rules."""

from __future__ import annotations

import json
from typing import Any

import pytest
import strawberry

from graph.database import Database
from schema import build_schema
from schema.execution import PROJECTIONS
from schema.projection import Projections
from tests.support.api import context
from tests.support.factories import OrgFactory
from tests.support.workflow import drive

PEOPLE_PAGE = """
query ($after: String) {
  people(first: 3, after: $after) {
    edges { cursor node { id name title weeklyHours active department { id name }
                          skills { proficiency validated source skill { id label } } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

SHAPES = """
fragment Held on PersonSkill { level: proficiency skill { ...Named } }
fragment Named on Skill { __typename id label }
query {
  people(first: 10) {
    __typename
    edges {
      node {
        __typename
        ... on Person { id who: name }
        ...on Person { manager { id name manager { id } } }
        department { __typename ... { name } id }
        skills { ...Held first: skill { id } validated }
        again: skills { skill { label } }
      }
    }
  }
}
"""

DIRECTIVES = """
query ($withSkills: Boolean!, $noTitle: Boolean!) {
  people(first: 10) {
    edges {
      node { id title @skip(if: $noTitle) skills @include(if: $withSkills) { skill { id } } }
    }
  }
}
"""

ASPIRATIONS = """
{
  people(first: 10) { edges { node { id manager { id } aspirations { visibility skill { id } } } } }
}
"""

GIG_PAGE = """
query ($gig: ID!) {
  gig(id: $gig) {
    id title status type hoursPerWeek seats
    owner { id name } department { id name }
    skills { minProficiency importance skill { id label } }
  }
  gigApplications(gigId: $gig) { id state origin person { id name title } }
}
"""

PROFILE_CHANGE = """
mutation {
  updateProfile(input: {personId: "P3", title: "Analyst"}) {
    result {
      __typename
      ... on Person { id title skills { skill { id } } }
      ... on UserError { message }
    }
  }
}
"""


def org() -> OrgFactory:
    return (
        OrgFactory()
        .skill("python", "Python")
        .skill("sql", "SQL")
        .skill("rust", "Rust")
        .department("D1", "Engineering")
        .department("D2", "Data", parent_id="D1")
        .person("P1", "D1", name="Grace Hopper", title="Head of engineering")
        .person("P2", "D2", name="Ada Lovelace", manager_id="P1")
        .person("P3", "D2", name="Zoë Ångström", manager_id="P2")
        .person("P4", "D1", name="Joan Clarke")
        .has_skill("P2", "python", 4, validated=True)
        .has_skill("P2", "sql", 2)
        .has_skill("P3", "python", 2)
        .has_skill("P3", "rust", 5)
        .aspires("P2", "rust", 3, "private")
        .aspires("P3", "sql", 2, "matching")
        .gig("G1", "P1", "D1", title="Pipeline rescue")
        .requires("G1", "python", 3)
        .requires("G1", "sql", 2, "nice_to_have")
    )


def standard_schema() -> strawberry.Schema:
    """The schema without compiled projections: graphql-core completes every value."""
    built = build_schema()
    del built._schema.extensions[PROJECTIONS]
    return built


async def answer(
    schema: strawberry.Schema,
    db: Database,
    query: str,
    viewer: tuple[str, ...] = ("P4", "hr"),
    variables: dict[str, Any] | None = None,
) -> str:
    """The response as the service would encode it."""
    result = await schema.execute(
        query, variable_values=variables, context_value=context(db, *viewer)
    )
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [error.formatted for error in result.errors]
    return json.dumps(body, separators=(",", ":"))


def compiled_plans(schema: strawberry.Schema) -> int:
    projections: Projections = schema._schema.extensions[PROJECTIONS]
    return len(projections)


async def both(db: Database, query: str, **kwargs: Any) -> str:
    """The answer of the compiled schema, checked against the standard one's."""
    compiled = build_schema()
    fast = await answer(compiled, db, query, **kwargs)
    assert fast == await answer(standard_schema(), db, query, **kwargs)
    return fast


async def test_a_directory_page_is_completed_by_one_plan_with_the_standard_answer(
    db: Database,
) -> None:
    await org().load(db)
    compiled = build_schema()

    first = await answer(compiled, db, PEOPLE_PAGE)
    cursor = json.loads(first)["data"]["people"]["pageInfo"]["endCursor"]
    second = await answer(compiled, db, PEOPLE_PAGE, variables={"after": cursor})

    assert first == await answer(standard_schema(), db, PEOPLE_PAGE)
    assert second == await answer(standard_schema(), db, PEOPLE_PAGE, variables={"after": cursor})
    assert compiled_plans(compiled) >= 1  # the page went through a plan, the second page too
    names = [edge["node"]["name"] for edge in json.loads(first)["data"]["people"]["edges"]]
    assert names == ["Grace Hopper", "Ada Lovelace", "Zoë Ångström"]
    assert json.loads(second)["data"]["people"]["edges"][0]["node"]["department"] == {
        "id": "D1",
        "name": "Engineering",
    }


async def test_fragments_aliases_typenames_and_nulls_answer_the_same(db: Database) -> None:
    await org().load(db)

    body = json.loads(await both(db, SHAPES))

    people = {edge["node"]["id"]: edge["node"] for edge in body["data"]["people"]["edges"]}
    assert body["data"]["people"]["__typename"] == "PersonConnection"
    assert people["P1"]["manager"] is None  # a null where the type allows one
    assert people["P3"]["manager"] == {"id": "P2", "name": "Ada Lovelace", "manager": {"id": "P1"}}
    assert people["P3"]["department"] == {"__typename": "Department", "name": "Data", "id": "D2"}
    assert people["P3"]["skills"][0] == {
        "level": 5,
        "skill": {"__typename": "Skill", "id": "rust", "label": "Rust"},
        "first": {"id": "rust"},
        "validated": False,
    }
    assert people["P4"]["skills"] == []
    assert people["P4"]["again"] == []


@pytest.mark.parametrize("with_skills", [True, False])
@pytest.mark.parametrize("no_title", [True, False])
async def test_skip_and_include_answer_the_same_for_every_variable(
    db: Database, with_skills: bool, no_title: bool
) -> None:
    await org().load(db)

    body = json.loads(
        await both(db, DIRECTIVES, variables={"withSkills": with_skills, "noTitle": no_title})
    )

    grace = body["data"]["people"]["edges"][0]["node"]
    assert ("title" in grace) is not no_title
    assert ("skills" in grace) is with_skills


async def test_a_null_in_a_non_null_field_is_the_standard_error(db: Database) -> None:
    await org().load(db)
    await db.driver.execute_query("MATCH (s:Skill {id: 'sql'}) REMOVE s.label")

    body = json.loads(await both(db, PEOPLE_PAGE))

    assert body["errors"][0]["message"] == "Cannot return null for non-nullable field Skill.label."
    assert body["errors"][0]["path"] == [
        "people",
        "edges",
        1,
        "node",
        "skills",
        1,
        "skill",
        "label",
    ]
    assert body["data"] is None  # the null propagates up to the nullable root, as before


async def test_a_value_a_scalar_refuses_is_the_standard_error(db: Database) -> None:
    await org().load(db)
    await db.driver.execute_query(
        "MATCH (:Person {id: 'P3'})-[r:HAS_SKILL]->(:Skill {id: 'rust'}) SET r.proficiency = $big",
        big=2**31,
    )

    body = json.loads(await both(db, PEOPLE_PAGE))

    assert body["errors"][0]["message"] == (
        "Int cannot represent non 32-bit signed integer value: 2147483648"
    )
    assert body["errors"][0]["path"] == ["people", "edges", 2, "node", "skills", 0, "proficiency"]


@pytest.mark.parametrize("viewer", [("P1",), ("P2",), ("P3",), ("P4",), ("P4", "hr")])
async def test_private_aspirations_follow_the_same_rule(
    db: Database, viewer: tuple[str, ...]
) -> None:
    await org().load(db)

    body = json.loads(await both(db, ASPIRATIONS, viewer=viewer))

    ada = body["data"]["people"]["edges"][1]["node"]
    sees_private = viewer in {("P1",), ("P2",), ("P4", "hr")}  # herself, her manager, HR
    assert ada["aspirations"] == (
        [{"visibility": "PRIVATE", "skill": {"id": "rust"}}] if sees_private else []
    )


async def test_a_gig_page_answers_the_same(db: Database) -> None:
    await org().load(db)
    await drive(db, "P2", "G1", "submitted", owner_id="P1")

    body = json.loads(await both(db, GIG_PAGE, viewer=("P1",), variables={"gig": "G1"}))

    assert body["data"]["gig"]["owner"] == {"id": "P1", "name": "Grace Hopper"}
    assert [s["skill"]["id"] for s in body["data"]["gig"]["skills"]] == ["python", "sql"]
    assert body["data"]["gigApplications"][0]["person"]["id"] == "P2"


@pytest.mark.parametrize("viewer", [("P3",), ("P4",)])
async def test_a_union_answers_the_same_for_the_success_and_the_user_error(
    db: Database, viewer: tuple[str, ...]
) -> None:
    await org().load(db)

    body = json.loads(await both(db, PROFILE_CHANGE, viewer=viewer))

    result = body["data"]["updateProfile"]["result"]
    if viewer == ("P3",):
        assert result == {
            "__typename": "Person",
            "id": "P3",
            "title": "Analyst",
            "skills": [{"skill": {"id": "rust"}}, {"skill": {"id": "python"}}],
        }
    else:  # someone else's profile
        assert result["__typename"] == "Forbidden"
