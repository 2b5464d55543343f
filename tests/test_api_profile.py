"""Editing one's own profile: fields, skills and aspirations, each outcome a typed result."""

from __future__ import annotations

import httpx

from graph.database import Database
from tests.support.api import auth, graphql, mutate
from tests.support.factories import OrgFactory

PERSON = """id title location weeklyHours gigCapacityPct
  skills { skill { id } proficiency validated source }
  aspirations { skill { id } interest visibility }"""

RESULT = f"""__typename
  ... on Person {{ {PERSON} }}
  ... on UserError {{ message }}
  ... on ValidationError {{ field }}
  ... on NotFound {{ kind id }}"""

UPDATE_PROFILE = f"""mutation ($input: ProfileInput!) {{
  updateProfile(input: $input) {{ result {{ {RESULT} }} }} }}"""
SET_SKILL = f"""mutation ($input: SkillClaimInput!) {{
  setSkill(input: $input) {{ result {{ {RESULT} }} }} }}"""
REMOVE_SKILL = f"""mutation ($id: ID!) {{
  removeSkill(input: {{skillId: $id}}) {{ result {{ {RESULT} }} }} }}"""
SET_ASPIRATION = f"""mutation ($input: AspirationInput!) {{
  setAspiration(input: $input) {{ result {{ {RESULT} }} }} }}"""
REMOVE_ASPIRATION = f"""mutation ($id: ID!) {{
  removeAspiration(input: {{skillId: $id}}) {{ result {{ {RESULT} }} }} }}"""


def org() -> OrgFactory:
    return (
        OrgFactory()
        .skill("python", "Python")
        .skill("rust", "Rust")
        .skill("cobol", "COBOL")
        .department("D1")
        .person("P1", "D1", title="Analyst", location="Berlin")
        .person("P2", "D1", manager_id="P1")
        .has_skill("P1", "python", 3, validated=True)
    )


async def profile(client: httpx.AsyncClient, person: str) -> dict[str, object]:
    body = await graphql(client, f'{{ person(id: "{person}") {{ {PERSON} }} }}', person)
    result: dict[str, object] = body["data"]["person"]
    return result


async def test_update_own_profile_fields(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    result = await mutate(
        client, UPDATE_PROFILE, "P1", input={"title": "Lead analyst", "weeklyHours": 32}
    )

    assert result["__typename"] == "Person"
    assert (result["title"], result["location"], result["weeklyHours"]) == (
        "Lead analyst",
        "Berlin",
        32.0,
    )
    assert (await profile(client, "P1"))["title"] == "Lead analyst"


async def test_invalid_profile_values_change_nothing(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)

    blank = await mutate(client, UPDATE_PROFILE, "P1", input={"title": " ", "weeklyHours": 30})
    hours = await mutate(client, UPDATE_PROFILE, "P1", input={"weeklyHours": 100})
    capacity = await mutate(client, UPDATE_PROFILE, "P1", input={"gigCapacityPct": -5})

    assert blank == {
        "__typename": "ValidationError",
        "message": "must not be blank",
        "field": "title",
    }
    assert (hours["__typename"], hours["field"]) == ("ValidationError", "weeklyHours")
    assert (capacity["__typename"], capacity["field"]) == ("ValidationError", "gigCapacityPct")
    after = await profile(client, "P1")
    assert (after["title"], after["weeklyHours"]) == ("Analyst", 40.0)


async def test_editing_someone_elses_profile_is_forbidden_except_for_admins(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    change = {"personId": "P1", "title": "Intern"}

    by_report = await mutate(client, UPDATE_PROFILE, "P2", input=change)
    by_hr = await mutate(client, UPDATE_PROFILE, "P2", "hr", input=change)
    by_admin = await mutate(client, UPDATE_PROFILE, "P2", "admin", input=change)

    assert by_report == {"__typename": "Forbidden", "message": "you may only edit your own profile"}
    assert by_hr["__typename"] == "Forbidden"
    assert by_admin["__typename"] == "Person"
    assert by_admin["title"] == "Intern"


async def test_a_token_without_a_person_edits_no_profile(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    body = {"query": UPDATE_PROFILE, "variables": {"input": {"title": "x"}}}

    response = await client.post("/graphql", json=body, headers=auth("GHOST"))

    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN_VIEWER"


async def test_declaring_skills_and_changing_a_validated_level(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)

    added = await mutate(client, SET_SKILL, "P1", input={"skillId": "rust", "proficiency": 2})
    same = await mutate(client, SET_SKILL, "P1", input={"skillId": "python", "proficiency": 3})
    changed = await mutate(client, SET_SKILL, "P1", input={"skillId": "python", "proficiency": 5})

    assert {
        "skill": {"id": "rust"},
        "proficiency": 2,
        "validated": False,
        "source": "SELF",
    } in added["skills"]
    assert {
        "skill": {"id": "python"},
        "proficiency": 3,
        "validated": True,
        "source": "MANAGER",
    } in same["skills"]
    assert {
        "skill": {"id": "python"},
        "proficiency": 5,
        "validated": False,
        "source": "SELF",
    } in changed["skills"]


async def test_skill_claims_are_checked(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)
    await mutate(
        client,
        'mutation { deprecateSkill(input: {id: "cobol"}) { result { __typename } } }',
        "P1",
        "admin",
    )

    level = await mutate(client, SET_SKILL, "P1", input={"skillId": "rust", "proficiency": 6})
    unknown = await mutate(client, SET_SKILL, "P1", input={"skillId": "nope", "proficiency": 2})
    deprecated = await mutate(client, SET_SKILL, "P1", input={"skillId": "cobol", "proficiency": 2})
    other = await mutate(
        client, SET_SKILL, "P2", input={"skillId": "rust", "proficiency": 2, "personId": "P1"}
    )

    assert (level["__typename"], level["field"]) == ("ValidationError", "proficiency")
    assert (unknown["__typename"], unknown["kind"], unknown["id"]) == ("NotFound", "Skill", "nope")
    assert deprecated == {
        "__typename": "ValidationError",
        "message": "'COBOL' is deprecated",
        "field": "skillId",
    }
    assert other["__typename"] == "Forbidden"
    skills = (await profile(client, "P1"))["skills"]
    assert [s["skill"]["id"] for s in skills] == ["python"]  # type: ignore[attr-defined]


async def test_removing_a_skill_and_one_not_held(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    removed = await mutate(client, REMOVE_SKILL, "P1", id="python")
    again = await mutate(client, REMOVE_SKILL, "P1", id="python")

    assert removed["skills"] == []
    assert (again["__typename"], again["kind"]) == ("NotFound", "Skill")


async def test_aspirations_set_change_and_remove(client: httpx.AsyncClient, db: Database) -> None:
    await org().load(db)

    added = await mutate(
        client,
        SET_ASPIRATION,
        "P2",
        input={"skillId": "rust", "interest": 3, "visibility": "PRIVATE"},
    )
    changed = await mutate(
        client,
        SET_ASPIRATION,
        "P2",
        input={"skillId": "rust", "interest": 1, "visibility": "MATCHING"},
    )
    bad = await mutate(client, SET_ASPIRATION, "P2", input={"skillId": "rust", "interest": 4})
    forbidden = await mutate(
        client, SET_ASPIRATION, "P1", input={"skillId": "rust", "personId": "P2"}
    )
    removed = await mutate(client, REMOVE_ASPIRATION, "P2", id="rust")
    missing = await mutate(client, REMOVE_ASPIRATION, "P2", id="rust")

    assert added["aspirations"] == [
        {"skill": {"id": "rust"}, "interest": 3, "visibility": "PRIVATE"}
    ]
    assert changed["aspirations"] == [
        {"skill": {"id": "rust"}, "interest": 1, "visibility": "MATCHING"}
    ]
    assert (bad["__typename"], bad["field"]) == ("ValidationError", "interest")
    assert forbidden["__typename"] == "Forbidden"
    assert removed["aspirations"] == []
    assert (missing["__typename"], missing["kind"]) == ("NotFound", "Aspiration")
