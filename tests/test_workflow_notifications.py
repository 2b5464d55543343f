"""The audit trail (who, when, from, to, why; per gig and per person) and notifications: read
state, marking read, and live delivery over a graphql-transport-ws subscription."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.types import ASGIApp

from graph.database import ConnectionInfo, Database
from graph.settings import ServiceSettings
from service.app import create_app
from tests.conftest import auth
from tests.workflow_support import act, drive, gql, workflow_org

TRAIL = """query($gig: ID, $person: ID) { auditTrail(gigId: $gig, personId: $person) {
  at actorId action subject subjectId fromState toState reason gigId personId } }"""
SUBSCRIPTION = "subscription { notifications { kind message read } }"
PROTOCOL = "graphql-transport-ws"


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


class WebSocketSession:
    """A websocket client speaking ASGI to the app directly, in the test's own event loop."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> WebSocketSession:
        scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "scheme": "ws",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"talentgraph"), (b"sec-websocket-protocol", PROTOCOL.encode())],
            "subprotocols": [PROTOCOL],
            "client": ("127.0.0.1", 50000),
            "server": ("talentgraph", 80),
        }
        self.task = asyncio.create_task(self.app(scope, self.to_app.get, self.from_app.put))
        await self.to_app.put({"type": "websocket.connect"})
        accepted = await self.next_event()
        assert accepted == {"type": "websocket.accept", "subprotocol": PROTOCOL, "headers": []}
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.to_app.put({"type": "websocket.disconnect", "code": 1000})
        assert self.task is not None
        await asyncio.wait_for(self.task, 10)

    async def next_event(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.from_app.get(), 30)

    async def send(self, message: dict[str, Any]) -> None:
        await self.to_app.put({"type": "websocket.receive", "text": json.dumps(message)})

    async def receive(self) -> dict[str, Any]:
        """The next protocol message; a closed socket is returned as {"closed": code}."""
        event = await self.next_event()
        if event["type"] == "websocket.close":
            return {"closed": event["code"]}
        message: dict[str, Any] = json.loads(event["text"])
        return message


@pytest.fixture
async def app(
    db: Database, neo4j_connection: ConnectionInfo, service_settings: ServiceSettings
) -> AsyncIterator[ASGIApp]:
    async with LifespanManager(create_app(service_settings, neo4j_connection)) as manager:
        yield manager.app


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
