"""Accepting an offer: an engagement at the gig's hours, a seat taken, capacity committed, the gig
filled by its last seat, and never an overbooking, however many accept at once."""

from __future__ import annotations

import asyncio

import httpx

from graph.database import Database
from resolvers.workflow import engagements, rules
from tests.support.api import context
from tests.support.factories import OrgFactory
from tests.support.workflow import act, drive, gql, workflow_org


async def test_accepting_an_offer_starts_the_engagement_and_fills_the_gig(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    alice = await drive(db, "ALICE", "G1", "offered")
    bob = await drive(db, "BOB", "G1", "submitted")

    accepted = await act(client, "ALICE", "accept_offer", alice)
    others = await gql(client, "BOB", "{ myApplications { id state decisionReason } }")
    owner_notes = await gql(client, "OWNER", "{ notifications { kind } }")

    assert accepted["state"] == "ACCEPTED"
    assert accepted["engagement"]["status"] == "ACTIVE"
    assert accepted["engagement"]["hoursPerWeek"] == 4.0
    assert accepted["gig"]["status"] == "FILLED"
    assert accepted["gig"]["filledAt"] is not None
    assert others["myApplications"] == [
        {"id": bob, "state": "REJECTED", "decisionReason": rules.FILLED_REASON}
    ]
    kinds = [note["kind"] for note in owner_notes["notifications"]]
    assert "offer_accepted" in kinds
    assert "gig_filled" in kinds


async def test_a_gig_with_seats_left_stays_open(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().gig("TWO", "OWNER", "GIG", seats=2).load(db)
    alice = await drive(db, "ALICE", "TWO", "offered")
    bob = await drive(db, "BOB", "TWO", "offered")

    first = await act(client, "ALICE", "accept_offer", alice)
    second = await act(client, "BOB", "accept_offer", bob)

    assert first["gig"]["status"] == "OPEN"
    assert first["gig"]["filledAt"] is None
    assert second["gig"]["status"] == "FILLED"


async def test_twenty_concurrent_accepts_take_exactly_one_seat(
    db: Database, client: httpx.AsyncClient
) -> None:
    people = [f"P{n:02}" for n in range(20)]
    org = OrgFactory().department("GIG").department("OPS").person("OWNER", "GIG")
    for id in people:
        org.person(id, "OPS")
    await org.gig("ONE", "OWNER", "GIG", seats=1, hours_per_week=4.0).load(db)
    offers = [await drive(db, id, "ONE", "offered") for id in people]

    results = await asyncio.gather(
        *(act(client, id, "accept_offer", offer) for id, offer in zip(people, offers, strict=True))
    )

    winners = [r for r in results if r["__typename"] == "Application"]
    losers = [r for r in results if r["__typename"] != "Application"]
    assert len(winners) == 1
    assert winners[0]["state"] == "ACCEPTED"
    assert {r["__typename"] for r in losers} == {"Conflict"}
    assert all(r["message"] for r in losers)
    engagements = await db.read("workflow/engagements_by_ids", ids=[winners[0]["engagement"]["id"]])
    gig = await gql(
        client, "OWNER", '{ gigApplications(gigId: "ONE") { state engagement { id } } }'
    )
    states = [a["state"] for a in gig["gigApplications"]]
    assert states.count("ACCEPTED") == 1
    assert states.count("REJECTED") == 19
    assert [a["engagement"] for a in gig["gigApplications"] if a["engagement"]] == [
        {"id": engagements[0]["engagement"]["id"]}
    ]


async def test_hours_are_committed_across_gigs_and_freed_on_completion(
    db: Database, client: httpx.AsyncClient
) -> None:
    await (
        workflow_org()
        .gig("A", "OWNER", "GIG", hours_per_week=4.0)
        .gig("B", "OWNER", "GIG", hours_per_week=3.0)
        .gig("C", "OWNER", "GIG", hours_per_week=2.0)
        .load(db)
    )
    a, b, c = [await drive(db, "SOLO", gig, "offered") for gig in ("A", "B", "C")]

    first = await act(client, "SOLO", "accept_offer", a)
    second = await act(client, "SOLO", "accept_offer", b)
    refused = await act(client, "SOLO", "accept_offer", c)
    completion = engagements.Completion(first["engagement"]["id"], 20.0, 4, "Solid", [])
    await engagements.complete_engagement(context(db, "OWNER"), completion)
    third = await act(client, "SOLO", "accept_offer", c)

    assert first["state"] == second["state"] == "ACCEPTED"
    assert refused == {
        "__typename": "Conflict",
        "message": "the gig needs 2 h/week but only 1 h/week of Sam Solo's gig capacity are free",
        "currentState": None,
    }
    assert third["state"] == "ACCEPTED"


async def test_concurrent_accepts_of_one_person_never_exceed_their_capacity(
    db: Database, client: httpx.AsyncClient
) -> None:
    gigs = ["X1", "X2", "X3"]
    org = workflow_org()
    for gig in gigs:
        org.gig(gig, "OWNER", "GIG", hours_per_week=5.0)
    await org.load(db)
    offers = [await drive(db, "SOLO", gig, "offered") for gig in gigs]

    results = await asyncio.gather(*(act(client, "SOLO", "accept_offer", id) for id in offers))

    assert sorted(r["__typename"] for r in results) == ["Application", "Conflict", "Conflict"]
    mine = await gql(client, "SOLO", "{ myApplications { state engagement { hoursPerWeek } } }")
    active = [a["engagement"] for a in mine["myApplications"] if a["engagement"]]
    assert active == [{"hoursPerWeek": 5.0}]


async def test_a_cancelled_engagement_frees_its_hours_and_the_other_side_is_told(
    db: Database, client: httpx.AsyncClient
) -> None:
    await (
        workflow_org()
        .gig("LONG", "OWNER", "GIG", hours_per_week=5.0, seats=2)
        .gig("NEXT", "OWNER", "GIG", hours_per_week=5.0)
        .load(db)
    )
    first = await act(client, "SOLO", "accept_offer", await drive(db, "SOLO", "LONG", "offered"))
    next_offer = await drive(db, "SOLO", "NEXT", "offered")
    cancel = """mutation($id: ID!, $reason: String!) { cancelEngagement(input: {engagementId: $id,
      reason: $reason}) { result { __typename ... on Engagement { status cancellationReason }
      ... on UserError { message } ... on Conflict { currentState } } } }"""
    variables = {"id": first["engagement"]["id"], "reason": "Quarter-end close"}

    full = await act(client, "SOLO", "accept_offer", next_offer)
    stranger = await gql(client, "BOB", cancel, variables)
    cancelled = await gql(client, "SOLO", cancel, variables)
    again = await gql(client, "SOLO", cancel, variables)
    accepted = await act(client, "SOLO", "accept_offer", next_offer)
    owner_notes = await gql(client, "OWNER", "{ notifications { kind message } }")

    assert full["__typename"] == "Conflict"
    assert stranger["cancelEngagement"]["result"]["__typename"] == "Forbidden"
    assert cancelled["cancelEngagement"]["result"] == {
        "__typename": "Engagement",
        "status": "CANCELLED",
        "cancellationReason": "Quarter-end close",
    }
    assert again["cancelEngagement"]["result"]["currentState"] == "cancelled"
    assert accepted["state"] == "ACCEPTED"
    assert {
        "kind": "engagement_cancelled",
        "message": "The engagement of Sam Solo on Gig LONG is cancelled: Quarter-end close",
    } in owner_notes["notifications"]
