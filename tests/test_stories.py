"""Success stories told with consent (the organisation of `tests.support.surveys.culture_org`):
XB1 is A2's gig GB1 for Beta's B1 (20 hours at 100 an hour); A1 is A2's manager."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.database import Database
from schema import schema
from tests.support.api import graphql, mutate
from tests.support.surveys import culture_org

TELL = """
mutation($input: TellStoryInput!) { tellStory(input: $input) { result { __typename
  ... on Story { id published helperLine ownerLine helperConsent ownerConsent }
  ... on UserError { message } } } }
"""
STORIES = "{ stories { id published gigTitle helperName ownerName hoursWorked estimatedSavings helperLine ownerLine } }"  # noqa: E501


@pytest.fixture
async def graph(db: Database) -> Database:
    await culture_org().load(db)
    return db


async def tell(client: httpx.AsyncClient, who: str, **story: Any) -> dict[str, Any]:
    return await mutate(client, TELL, who, input={"engagementId": "XB1"} | story)


async def readers(client: httpx.AsyncClient) -> set[str]:
    seen = set()
    for who, roles in (("A2", ()), ("B1", ()), ("A1", ()), ("H1", ("hr",)), ("A3", ()),
                       ("C1", ()), ("B2", ())):  # fmt: skip
        body = await graphql(client, STORIES, who, *roles)
        if body["data"]["stories"]:
            seen.add(who)
    return seen


async def test_a_story_is_published_only_when_helper_and_owner_agree(
    graph: Database, client: httpx.AsyncClient
) -> None:
    helper = await tell(client, "A2", line="I learnt how Beta plans.", consent=True)
    assert helper["published"] is False
    assert helper["helperConsent"] is True
    # unpublished: the people in it, their managers (A1 manages A2) and HR
    assert await readers(client) == {"A2", "B1", "A1", "H1"}
    owner = await tell(client, "B1", line="Saved us a contractor.", consent=True)
    assert owner["published"] is True
    assert await readers(client) == {"A2", "B1", "A1", "H1", "A3", "C1", "B2"}
    (story,) = (await graphql(client, STORIES, "C1"))["data"]["stories"]
    assert story == {
        "id": "story-XB1", "published": True, "gigTitle": "Gig GB1", "helperName": "Person A2",
        "ownerName": "Person B1", "hoursWorked": 20.0, "estimatedSavings": 2000.0,
        "helperLine": "I learnt how Beta plans.", "ownerLine": "Saved us a contractor.",
    }  # fmt: skip
    withdrawn = await tell(client, "B1", consent=False)
    assert withdrawn["published"] is False
    assert withdrawn["ownerLine"] == "Saved us a contractor."  # no line given: the old one stays
    assert await readers(client) == {"A2", "B1", "A1", "H1"}


async def test_only_the_people_in_a_finished_gig_tell_its_story(
    graph: Database, client: httpx.AsyncClient
) -> None:
    assert (await tell(client, "A1", line="My report did well", consent=True))[
        "__typename"
    ] == "Forbidden"
    active = await mutate(client, TELL, "A3", input={"engagementId": "XA2", "consent": True})
    assert active["__typename"] == "Conflict"
    missing = await mutate(client, TELL, "A3", input={"engagementId": "NOPE", "consent": True})
    assert missing["__typename"] == "NotFound"
    assert await readers(client) == set()


def test_a_story_never_carries_a_rating() -> None:
    story = schema.get_type_by_name("Story")
    assert story is not None
    names = {field.python_name for field in story.fields}  # type: ignore[union-attr]
    assert not {name for name in names if "rating" in name or "feedback" in name}


async def test_mine_keeps_the_stories_the_viewer_tells_and_gig_id_those_of_one_gig(
    graph: Database, client: httpx.AsyncClient
) -> None:
    await tell(client, "A2", line="Beta", consent=False)
    await mutate(client, TELL, "A2", input={"engagementId": "XC1", "consent": True})
    await mutate(client, TELL, "A1", input={"engagementId": "XA1", "consent": False})

    async def ids(who: str, arguments: str, *roles: str) -> list[str]:
        body = await graphql(client, f"{{ stories({arguments}) {{ id }} }}", who, *roles)
        return sorted(s["id"] for s in body["data"]["stories"])

    # A1 manages A2 and owns GA1: reads all three, tells one
    assert await ids("A1", "first: 10") == ["story-XA1", "story-XB1", "story-XC1"]
    assert await ids("A1", "mine: true") == ["story-XA1"]
    assert await ids("A2", "mine: true") == ["story-XB1", "story-XC1"]
    assert await ids("H1", "mine: true", "hr") == []
    assert await ids("A2", 'gigId: "GB1"') == ["story-XB1"]
    assert await ids("C1", 'mine: true, gigId: "GB1"') == []
