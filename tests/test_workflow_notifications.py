"""The audit trail (who, when, from, to, why; per gig and per person) and notifications: read
state, marking read, and live delivery over a graphql-transport-ws subscription."""

from __future__ import annotations

import httpx
import pytest
from starlette.types import ASGIApp

from graph.database import Database
from tests.support.api import auth
from tests.support.notifications import SUBSCRIPTION, WebSocketSession
from tests.support.workflow import act, drive, gql, workflow_org

TRAIL = """query($gig: ID, $person: ID) { auditTrail(gigId: $gig, personId: $person) {
  at actorId action subject subjectId fromState toState reason gigId personId } }"""


async def test_every_change_is_in_the_gig_and_person_trails(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "SOLO", "G1", "submitted")
    await act(client, "OWNER", "shortlist", id)
    await act(client, "SOLO", "withdraw", id)

    by_owner = await gql(client, "OWNER", TRAIL, {"gig": "G1"})
    by_person = await gql(client, "SOLO", TRAIL, {"person": "SOLO"})
    by_hr = await gql(client, "BOB", TRAIL, {"person": "SOLO"}, roles=("hr",))

    steps = [
        (e["actorId"], e["action"], e["subject"], e["fromState"], e["toState"], e["reason"])
        for e in by_owner["auditTrail"]
    ]
    assert steps == [
        ("SOLO", "apply", "application", None, "submitted", None),
        ("OWNER", "shortlist", "application", "submitted", "shortlisted", None),
        (
            "OWNER",
            "request_approval",
            "approval",
            "not_requested",
            "not_needed",
            "no manager to ask",
        ),
        ("SOLO", "withdraw", "application", "shortlisted", "withdrawn", "changed my mind"),
    ]
    assert {e["subjectId"] for e in by_owner["auditTrail"]} == {id}
    trail = by_owner["auditTrail"]
    assert all(e["at"] and e["gigId"] == "G1" and e["personId"] == "SOLO" for e in trail)
    assert by_person["auditTrail"] == by_owner["auditTrail"] == by_hr["auditTrail"]


async def test_trails_are_for_the_owner_the_person_and_hr_only(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    await drive(db, "SOLO", "G1", "submitted")

    for viewer, variables in (("BOB", {"gig": "G1"}), ("BOB", {"person": "SOLO"})):
        response = await client.post(
            "/graphql", json={"query": TRAIL, "variables": variables}, headers=auth(viewer)
        )
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "FORBIDDEN", error


async def test_notifications_have_a_read_state_and_can_be_marked_read(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    await drive(db, "SOLO", "G1", "submitted")
    await drive(db, "ALICE", "G1", "submitted")
    query = "{ unreadNotificationCount notifications { id kind message read gigId } }"
    mark = """mutation($ids: [ID!]) { markNotificationsRead(input: {ids: $ids}) { marked } }"""

    before = await gql(client, "OWNER", query)
    first_id = before["notifications"][0]["id"]
    one = await gql(client, "OWNER", mark, {"ids": [first_id]})
    middle = await gql(client, "OWNER", query)
    rest = await gql(client, "OWNER", mark, {"ids": None})
    unread = await gql(client, "OWNER", "{ notifications(unreadOnly: true) { id } }")
    others = await gql(client, "BOB", query)

    assert before["unreadNotificationCount"] == 2
    assert {n["message"] for n in before["notifications"]} == {
        "Sam Solo applied to Gig G1",
        "Alice Analyst applied to Gig G1",
    }
    assert {(n["kind"], n["read"], n["gigId"]) for n in before["notifications"]} == {
        ("application_received", False, "G1")
    }
    assert one["markNotificationsRead"]["marked"] == 1
    assert middle["unreadNotificationCount"] == 1
    assert [n["read"] for n in middle["notifications"] if n["id"] == first_id] == [True]
    assert rest["markNotificationsRead"]["marked"] == 1
    assert unread["notifications"] == []
    assert others == {"unreadNotificationCount": 0, "notifications": []}


@pytest.mark.policy(notification_poll_s=0.2)
async def test_a_subscription_delivers_unread_then_new_notifications(
    db: Database, app: ASGIApp
) -> None:
    await workflow_org().load(db)
    await drive(db, "SOLO", "G1", "submitted")

    async with WebSocketSession(app) as ws:
        await ws.send({"type": "connection_init", "payload": auth("OWNER")})
        ack = await ws.receive()
        await ws.send({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
        unread = await ws.receive()
        await drive(db, "ALICE", "G1", "submitted")
        new = await ws.receive()
        await ws.send({"id": "1", "type": "complete"})

    assert ack == {"type": "connection_ack"}
    assert [m["type"] for m in (unread, new)] == ["next", "next"]
    assert [m["payload"]["data"]["notifications"] for m in (unread, new)] == [
        {"kind": "application_received", "message": "Sam Solo applied to Gig G1", "read": False},
        {
            "kind": "application_received",
            "message": "Alice Analyst applied to Gig G1",
            "read": False,
        },
    ]


@pytest.mark.parametrize("payload", [{"Authorization": "Bearer forged"}, {}])
async def test_a_subscription_without_a_valid_token_is_refused(
    db: Database, app: ASGIApp, payload: dict[str, str]
) -> None:
    async with WebSocketSession(app) as ws:
        await ws.send({"type": "connection_init", "payload": payload})
        refused = await ws.receive()

    assert refused == {"closed": 4403}
