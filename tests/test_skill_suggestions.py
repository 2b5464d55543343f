"""Skills suggested from text: what a gig's description or a CV mentions, each with the phrase
that triggered it, offered and never added until the person confirms."""

from __future__ import annotations

from typing import Any

import httpx

from graph.database import Database
from seed.loader import load_taxonomy
from tests.support.api import graphql
from tests.support.factories import OrgFactory

SUGGEST = """query ($text: String!) { suggestSkills(text: $text, first: 5) {
               skill { id } phrase matchedName confidence } }"""


def org() -> OrgFactory:
    return (
        OrgFactory()
        .skill("tableau", "Tableau", type="technology")
        .skill("salesforce", "Salesforce software", "Salesforce", type="technology")
        .skill("price", "negotiate price")
        .skill("sql", "SQL", "structured query language")
        .skill("cooking", "prepare desserts")
        .skill(
            "cleansing",
            "perform data cleansing",
            description="Detect and correct corrupt records from data sets, ensuring that the "
            "data become and remain structured according to guidelines.",
        )
        .department("D1")
        .person("OWNER", "D1")
    )


async def suggested(client: httpx.AsyncClient, text: str) -> list[dict[str, Any]]:
    body = await graphql(client, SUGGEST, "OWNER", variables={"text": text})
    result: list[dict[str, Any]] = body["data"]["suggestSkills"]
    return result


async def test_a_text_suggests_the_skills_it_mentions_with_the_phrase_behind_each(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    text = (
        "Build a churn dashboard in Tableau from our Salesforce data. Someone used to "
        "negotiating prices with suppliers would help."
    )
    found = {
        s["skill"]["id"]: (s["phrase"], s["matchedName"]) for s in await suggested(client, text)
    }
    assert found == {
        "tableau": ("Tableau", "Tableau"),
        "salesforce": ("Salesforce", "Salesforce"),
        "price": ("negotiating prices", "negotiate price"),
    }
    assert await suggested(client, "I like long walks") == []

    # implied: named nowhere, but what its description says the work is
    [implied] = await suggested(client, "You will find and correct corrupt records in our files.")
    assert implied["skill"]["id"] == "cleansing"
    assert implied["phrase"] == "correct, corrupt, records"
    assert implied["matchedName"] == "perform data cleansing"
    assert 0 < implied["confidence"] < 1
    body = await graphql(client, SUGGEST, "OWNER", variables={"text": "  "})
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "text"}


async def test_a_gig_is_offered_the_skills_its_description_mentions_until_its_owner_confirms(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    create = """mutation ($input: CreateGigInput!) { createGig(input: $input) { result {
                  ... on Gig { id skills { skill { id } } suggestedSkills { skill { id } phrase } }
                } } }"""
    gig = {
        "title": "Churn dashboard",
        "description": "A Tableau dashboard over our structured query language tables.",
        "type": "PROJECT",
        "departmentId": "D1",
        "hoursPerWeek": 4,
        "durationWeeks": 4,
        "skills": [{"skillId": "tableau"}],
    }
    created = (await graphql(client, create, "OWNER", variables={"input": gig}))["data"]
    result = created["createGig"]["result"]
    assert result["skills"] == [{"skill": {"id": "tableau"}}]  # nothing added by itself
    assert result["suggestedSkills"] == [
        {"skill": {"id": "sql"}, "phrase": "structured query language"}
    ]

    update = """mutation ($input: UpdateGigInput!) { updateGig(input: $input) {
                  result { ... on Gig { skills { skill { id } } suggestedSkills { skill { id } } } }
                } }"""
    confirmed = {"skills": [{"skillId": "tableau"}, {"skillId": "sql"}]}
    body = await graphql(
        client, update, "OWNER", variables={"input": confirmed | {"id": result["id"]}}
    )
    after = body["data"]["updateGig"]["result"]
    assert {s["skill"]["id"] for s in after["skills"]} == {"tableau", "sql"}
    assert after["suggestedSkills"] == []


async def test_a_suggested_profile_skill_the_person_confirms_starts_as_a_claim(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org().load(db)
    [suggestion] = await suggested(client, "Ten years of SQL")
    set_skill = """mutation ($skill: ID!) { setSkill(input: {skillId: $skill, proficiency: 4}) {
                     result { ... on Person { skills { validated skill { id } } } } } }"""
    body = await graphql(client, set_skill, "OWNER", variables={"skill": suggestion["skill"]["id"]})
    skills = body["data"]["setSkill"]["result"]["skills"]
    assert skills == [{"validated": False, "skill": {"id": "sql"}}]


def welding(related: bool) -> OrgFactory:
    org = (
        OrgFactory()
        .skill("weld", "weld metal parts")
        .skill("blueprints", "read standard blueprints")
        .skill("bake", "bake bread")
        .department("D1")
        .person("OWNER", "D1")
    )
    return org.related("weld", "blueprints", 0.9) if related else org


async def test_a_text_also_implies_the_skills_related_to_those_it_mentions_once_imported(
    client: httpx.AsyncClient, db: Database
) -> None:
    await welding(related=False).load(db)
    text = "We need someone to weld metal parts in our workshop."
    assert [s["skill"]["id"] for s in await suggested(client, text)] == ["weld"]

    await load_taxonomy(db, welding(related=True).taxonomy)  # a re-import that relates them
    found = await suggested(client, text)
    assert [s["skill"]["id"] for s in found] == ["weld", "blueprints"]
    assert found[1]["phrase"] == "weld metal parts"  # what brought the skill it relates to
    assert found[1]["matchedName"] == "read standard blueprints"
    assert found[1]["confidence"] < found[0]["confidence"]
