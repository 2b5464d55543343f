"""Completion turns a finished gig into validated skills: demonstrated levels raise proficiency
(never lower it), an aspiration shown becomes a skill, colleagues endorse, the helper answers
back, profiles show what is confirmed and what is stale, and success stories count the savings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from graph.database import Database
from resolvers.workflow import growth
from tests.support.workflow import act, drive, gql, workflow_org

COMPLETE = """mutation($input: CompleteEngagementInput!) { completeEngagement(input: $input) {
  result { __typename
    ... on Engagement { id status hoursWorked rating feedback completedAt gig { status completedAt }
      demonstrated { skill { id } level previousLevel wasAspiration grew } }
    ... on UserError { message } ... on ValidationError { field } ... on Conflict { currentState }
  } } }"""
PROFILE = """query($id: ID!) { gigProfile(personId: $id) {
  person { id }
  completedGigs { gig { id } hoursWorked rating helperRating helperFeedback }
  endorsements { endorserId endorserName gigId gigTitle comment skill { id } }
  skills { skill { id } proficiency validated source confirmedAt stale }
  staleSkills { skill { id } }
  needsRefresh } }"""


async def engaged(db: Database, client: httpx.AsyncClient, person: str, gig: str) -> str:
    """The id of `person`'s active engagement on `gig`."""
    result = await act(client, person, "accept_offer", await drive(db, person, gig, "offered"))
    return str(result["engagement"]["id"])


def growth_org() -> Any:
    return (
        workflow_org()
        .has_skill("SOLO", "python", 2)
        .has_skill("SOLO", "sql", 5, validated=True)
        .aspires("SOLO", "dataviz", 3)
        .gig("DUO", "OWNER", "GIG", seats=2, hours_per_week=2.0)
    )


async def test_completion_validates_demonstrated_skills_and_never_lowers_one(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().load(db)
    engagement = await engaged(db, client, "SOLO", "G1")
    skills = [
        {"skillId": "python", "level": 4},
        {"skillId": "sql", "level": 3},
        {"skillId": "dataviz", "level": 2},
    ]
    payload = {
        "engagementId": engagement,
        "hoursWorked": 22.5,
        "rating": 5,
        "feedback": "Shipped the dashboard a week early",
        "skills": skills,
    }

    data = await gql(client, "OWNER", COMPLETE, {"input": payload})
    profile = await gql(client, "SOLO", PROFILE, {"id": "SOLO"})  # ratings: for the helper
    notes = await gql(client, "SOLO", "{ notifications { kind message } }")

    done = data["completeEngagement"]["result"]
    assert done["status"] == "COMPLETED"
    assert done["hoursWorked"] == 22.5
    assert done["gig"]["status"] == "COMPLETED"
    assert done["gig"]["completedAt"] == done["completedAt"]
    assert done["demonstrated"] == [
        {
            "skill": {"id": "dataviz"},
            "level": 2,
            "previousLevel": 0,
            "wasAspiration": True,
            "grew": True,
        },
        {
            "skill": {"id": "python"},
            "level": 4,
            "previousLevel": 2,
            "wasAspiration": False,
            "grew": True,
        },
        {
            "skill": {"id": "sql"},
            "level": 3,
            "previousLevel": 5,
            "wasAspiration": False,
            "grew": False,
        },
    ]
    held = {s["skill"]["id"]: s for s in profile["gigProfile"]["skills"]}
    assert {id: (s["proficiency"], s["validated"], s["source"]) for id, s in held.items()} == {
        "dataviz": (2, True, "gig_feedback"),
        "python": (4, True, "gig_feedback"),
        "sql": (5, True, "gig_feedback"),
    }
    assert {s["confirmedAt"] for s in held.values()} == {done["completedAt"]}
    assert profile["gigProfile"]["completedGigs"] == [
        {
            "gig": {"id": "G1"},
            "hoursWorked": 22.5,
            "rating": 5,
            "helperRating": None,
            "helperFeedback": None,
        }
    ]
    assert profile["gigProfile"]["needsRefresh"] is False
    assert {
        "kind": "feedback_received",
        "message": "Your work on Gig G1 is complete: rated 5/5",
    } in (notes["notifications"])


@pytest.mark.parametrize(
    ("change", "typename", "detail"),
    [
        ({"rating": 6}, "ValidationError", "rating"),
        ({"hoursWorked": -1}, "ValidationError", "hoursWorked"),
        ({"skills": [{"skillId": "python", "level": 9}]}, "ValidationError", "skills[0].level"),
        ({"skills": [{"skillId": "cobol", "level": 3}]}, "NotFound", None),
    ],
)
async def test_bad_completion_input_changes_nothing(
    db: Database,
    client: httpx.AsyncClient,
    change: dict[str, Any],
    typename: str,
    detail: str | None,
) -> None:
    await growth_org().load(db)
    engagement = await engaged(db, client, "SOLO", "G1")
    payload = {"engagementId": engagement, "hoursWorked": 10, "rating": 4, "feedback": "ok"}

    data = await gql(client, "OWNER", COMPLETE, {"input": payload | change})
    profile = await gql(client, "SOLO", PROFILE, {"id": "SOLO"})

    result = data["completeEngagement"]["result"]
    assert result["__typename"] == typename
    assert result.get("field") == detail
    assert profile["gigProfile"]["completedGigs"] == []


async def test_only_the_owner_completes_and_only_once(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().load(db)
    engagement = await engaged(db, client, "SOLO", "G1")
    payload = {"engagementId": engagement, "hoursWorked": 10, "rating": 4, "feedback": "ok"}

    helper = await gql(client, "SOLO", COMPLETE, {"input": payload})
    first = await gql(client, "OWNER", COMPLETE, {"input": payload})
    second = await gql(client, "OWNER", COMPLETE, {"input": payload})

    assert helper["completeEngagement"]["result"]["__typename"] == "Forbidden"
    assert first["completeEngagement"]["result"]["__typename"] == "Engagement"
    assert second["completeEngagement"]["result"]["__typename"] == "Conflict"
    assert second["completeEngagement"]["result"]["currentState"] == "completed"


async def test_the_helper_rates_the_gig_and_colleagues_endorse_what_they_saw(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().load(db)
    solo = await engaged(db, client, "SOLO", "DUO")
    await engaged(db, client, "ALICE", "DUO")
    feedback = """mutation($id: ID!) { giveGigFeedback(input: {engagementId: $id, rating: 4,
      feedback: "Clear brief"}) { result { __typename ... on Engagement { helperRating } } } }"""
    endorse = """mutation { endorseSkill(input: {gigId: "DUO", personId: "SOLO", skillId: "sql",
      comment: "Untangled the joins"}) { result { __typename } } }"""

    by_owner = await gql(client, "OWNER", feedback, {"id": solo})
    by_helper = await gql(client, "SOLO", feedback, {"id": solo})
    colleague = await gql(client, "ALICE", endorse)
    outsider = await gql(client, "BOB", endorse)
    profile = await gql(client, "SOLO", PROFILE, {"id": "SOLO"})
    owner_notes = await gql(client, "OWNER", "{ notifications { kind message } }")

    assert by_owner["giveGigFeedback"]["result"]["__typename"] == "Forbidden"
    assert by_helper["giveGigFeedback"]["result"] == {"__typename": "Engagement", "helperRating": 4}
    assert colleague["endorseSkill"]["result"]["__typename"] == "Endorsement"
    assert outsider["endorseSkill"]["result"]["__typename"] == "Forbidden"
    assert profile["gigProfile"]["endorsements"] == [
        {
            "endorserId": "ALICE",
            "endorserName": "Alice Analyst",
            "gigId": "DUO",
            "gigTitle": "Gig DUO",
            "comment": "Untangled the joins",
            "skill": {"id": "sql"},
        }
    ]
    assert {"kind": "gig_feedback", "message": "Sam Solo rated Gig DUO 4/5"} in owner_notes[
        "notifications"
    ]


async def test_a_profile_names_the_colleagues_of_completed_gigs_who_may_endorse(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().load(db)
    colleagues = """query($id: ID!) { gigProfile(personId: $id) {
      colleagues { person { id name } gigs { id title } } } }"""
    for person in ("SOLO", "ALICE"):
        engagement = await engaged(db, client, person, "DUO")
        before = await gql(client, "BOB", colleagues, {"id": "SOLO"})
        payload = {"engagementId": engagement, "hoursWorked": 4, "rating": 5, "feedback": "ok"}
        await gql(client, "OWNER", COMPLETE, {"input": payload})

    solo = await gql(client, "BOB", colleagues, {"id": "SOLO"})
    alice = await gql(client, "ALICE", colleagues, {"id": "ALICE"})
    bob = await gql(client, "BOB", colleagues, {"id": "BOB"})

    # while Alice's engagement was active, she was nobody's colleague yet
    assert before["gigProfile"]["colleagues"] == []
    duo = [{"id": "DUO", "title": "Gig DUO"}]
    assert solo["gigProfile"]["colleagues"] == [
        {"person": {"id": "ALICE", "name": "Alice Analyst"}, "gigs": duo}
    ]
    assert alice["gigProfile"]["colleagues"] == [
        {"person": {"id": "SOLO", "name": "Sam Solo"}, "gigs": duo}
    ]
    assert bob["gigProfile"]["colleagues"] == []


@pytest.mark.policy(stale_skill_months=0)
async def test_skills_not_confirmed_within_the_policy_period_ask_for_a_refresh(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().load(db)

    profile = await gql(client, "SOLO", PROFILE, {"id": "SOLO"})

    assert profile["gigProfile"]["needsRefresh"] is True
    assert [s["skill"]["id"] for s in profile["gigProfile"]["staleSkills"]] == ["python", "sql"]


def test_a_skill_is_stale_when_unconfirmed_for_longer_than_the_period() -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)

    assert growth.is_stale(None, now, 12)
    assert growth.is_stale(now - timedelta(days=370), now, 12)
    assert not growth.is_stale(now - timedelta(days=360), now, 12)


async def test_success_stories_count_hours_savings_and_growth_across_departments(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().gig("HOME", "OWNER", "OPS", external_hourly_rate=50.0).load(db)
    cross = await engaged(db, client, "SOLO", "G1")
    home = await engaged(db, client, "ALICE", "HOME")
    for engagement in (cross, home):
        completion = {
            "engagementId": engagement,
            "hoursWorked": 20,
            "rating": 5,
            "feedback": "Great",
            "skills": [{"skillId": "python", "level": 4}],
        }
        await gql(client, "OWNER", COMPLETE, {"input": completion})
    query = """{ successStories(first: 5) { helperDepartment gigDepartment hoursWorked
      estimatedSavings engagement { person { id } gig { id } }
      skillsGrown { skill { id } previousLevel level } } }"""

    data = await gql(client, "BOB", query)

    assert data["successStories"] == [
        {
            "helperDepartment": "Operations",
            "gigDepartment": "Growth",
            "hoursWorked": 20.0,
            "estimatedSavings": 1800.0,
            "engagement": {"person": {"id": "SOLO"}, "gig": {"id": "G1"}},
            "skillsGrown": [{"skill": {"id": "python"}, "previousLevel": 2, "level": 4}],
        }
    ]


async def test_an_application_shows_what_its_engagement_grew(
    db: Database, client: httpx.AsyncClient
) -> None:
    await growth_org().load(db)
    engagement = await engaged(db, client, "SOLO", "G1")
    completion = {
        "engagementId": engagement,
        "hoursWorked": 12,
        "rating": 4,
        "feedback": "Good",
        "skills": [{"skillId": "python", "level": 3}],
    }
    await gql(client, "OWNER", COMPLETE, {"input": completion})

    data = await gql(
        client,
        "SOLO",
        "{ myApplications { engagement { status demonstrated { skill { id } level grew } } } }",
    )

    assert data["myApplications"] == [
        {
            "engagement": {
                "status": "COMPLETED",
                "demonstrated": [{"skill": {"id": "python"}, "level": 3, "grew": True}],
            }
        }
    ]
