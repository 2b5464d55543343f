"""Drafts stay unseen and feedback stays between the people it concerns; a gig's life is in its
audit trail, with names; the manager who signed hears how it ended."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from graph.database import Database
from tests.support.api import auth
from tests.support.workflow import act, drive, gql, workflow_org

APPLY = """mutation($gig: ID!) { applyToGig(input: {gigId: $gig}) {
  result { __typename ... on UserError { message } } } }"""
CREATE = """mutation { createGig(input: {id: "G1", title: "Again", type: PROJECT,
  departmentId: "GIG"}) { result { __typename ... on UserError { message } } } }"""
STORIES = "{ successStories { engagement { rating feedback } hoursWorked } }"
PROFILE = '{ gigProfile(personId: "ALICE") { completedGigs { rating feedback } } }'


def with_history() -> Any:
    """ALICE (OPS, managed by MANAGER) helped on G1 (GIG), rated 5 with feedback."""
    return (
        workflow_org()
        .gig("DRAFTY", "OWNER", "GIG", status="draft")
        .engagement(
            "E1", "G1", "ALICE", status="completed", rating=5, feedback="Alice was slow to start",
            hours_worked=20.0, started_at=datetime(2026, 1, 1, tzinfo=UTC),
            completed_at=datetime(2026, 2, 1, tzinfo=UTC),
        )
    )  # fmt: skip


async def answer(client: httpx.AsyncClient, who: str, query: str, **variables: Any) -> Any:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=auth(who)
    )
    return response.json()["data"]


async def test_someone_elses_draft_answers_like_a_missing_gig(
    db: Database, client: httpx.AsyncClient
) -> None:
    await with_history().load(db)

    draft = await answer(client, "ALICE", APPLY, gig="DRAFTY")
    missing = await answer(client, "ALICE", APPLY, gig="NOPE")

    assert draft["applyToGig"]["result"]["__typename"] == "NotFound"
    assert draft["applyToGig"]["result"]["message"] == "Gig 'DRAFTY' does not exist"
    assert missing["applyToGig"]["result"]["__typename"] == "NotFound"


async def test_a_taken_gig_id_is_a_conflict_that_names_no_internal_id(
    db: Database, client: httpx.AsyncClient
) -> None:
    await with_history().load(db)
    result = (await answer(client, "OWNER", CREATE))["createGig"]["result"]
    assert result == {"__typename": "Conflict", "message": "a gig with id 'G1' exists already"}


async def test_ratings_and_feedback_are_for_the_helper_their_manager_and_hr(
    db: Database, client: httpx.AsyncClient
) -> None:
    await with_history().load(db)

    stories = await answer(client, "BOB", STORIES)
    colleague = await answer(client, "BOB", PROFILE)
    helper = await answer(client, "ALICE", PROFILE)
    manager = await answer(client, "MANAGER", PROFILE)

    assert stories["successStories"] == [
        {"engagement": {"rating": None, "feedback": None}, "hoursWorked": 20.0}
    ]
    assert colleague["gigProfile"]["completedGigs"] == [{"rating": None, "feedback": None}]
    for seen in (helper, manager):
        assert seen["gigProfile"]["completedGigs"] == [
            {"rating": 5, "feedback": "Alice was slow to start"}
        ]


async def test_a_draft_cancelled_before_publication_stays_out_of_everyone_elses_lists(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    for mutation in (
        'mutation { createGig(input: {id: "G-SECRET", title: "Reorg plan", type: PROJECT, '
        'departmentId: "GIG"}) { result { __typename } } }',
        'mutation { cancelGig(input: {id: "G-SECRET"}) { result { __typename } } }',
    ):
        await gql(client, "OWNER", mutation)
    lists = """{ gigs(first: 50) { edges { node { id } } totalCount }
      searchGigs(search: {text: "reorg", statuses: null}, first: 50) {
        edges { node { id } } totalCount } }"""

    def ids(data: dict[str, Any], field: str) -> set[str]:
        return {edge["node"]["id"] for edge in data[field]["edges"]}

    others = await gql(client, "SOLO", lists)
    owner = await gql(client, "OWNER", lists)
    hr = await gql(client, "HR", lists, roles=("hr",))

    assert "G-SECRET" not in ids(others, "gigs") | ids(others, "searchGigs")
    assert others["gigs"]["totalCount"] == owner["gigs"]["totalCount"] - 1
    assert "G-SECRET" in ids(owner, "gigs") & ids(hr, "gigs")


async def test_a_gigs_creation_publication_and_cancellation_are_audited_with_names(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    create = """mutation { createGig(input: {id: "G-NEW", title: "Churn", type: PROJECT,
      departmentId: "GIG", skills: [{skillId: "python"}]}) { result { __typename } } }"""
    publish, cancel = (
        f'mutation {{ {field}(input: {{id: "G-NEW"}}) {{ result {{ __typename }} }} }}'
        for field in ("publishGig", "cancelGig")
    )
    for mutation in (create, publish, cancel):
        data = await gql(client, "OWNER", mutation)
        assert next(iter(data.values()))["result"]["__typename"] == "Gig"

    trail = await gql(
        client, "OWNER", '{ auditTrail(gigId: "G-NEW") { action fromState toState actorName } }'
    )

    assert trail["auditTrail"] == [
        {"action": "create", "fromState": None, "toState": "draft", "actorName": "Olga Owner"},
        {"action": "publish", "fromState": "draft", "toState": "open", "actorName": "Olga Owner"},
        {"action": "cancel", "fromState": "open", "toState": "cancelled",
         "actorName": "Olga Owner"},
    ]  # fmt: skip


async def test_the_manager_who_approved_hears_how_it_ended(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    application_id = await drive(db, "ALICE", "G1", "offered")

    await act(client, "ALICE", "accept_offer", application_id)

    told = await gql(client, "MANAGER", "{ notifications { kind message } }")
    assert {
        "kind": "approval_outcome",
        "message": "Alice Analyst, whose move you approved, started on Gig G1",
    } in told["notifications"]
