"""A websocket client for the notifications subscription, speaking ASGI to the app."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.types import ASGIApp, Message, Scope

SUBSCRIPTION = "subscription { notifications { kind message read } }"


PROTOCOL = "graphql-transport-ws"


def websocket_scope(*headers: tuple[bytes, bytes]) -> Scope:
    """The ASGI scope of a graphql-transport-ws connection to /graphql, with extra `headers`."""
    return {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"talentgraph"),
            *headers,
            (b"sec-websocket-protocol", PROTOCOL.encode()),
        ],
        "subprotocols": [PROTOCOL],
        "client": ("127.0.0.1", 50000),
        "server": ("talentgraph", 80),
    }


def serve_in_task(
    app: ASGIApp, scope: Scope, to_app: asyncio.Queue[Message], from_app: asyncio.Queue[Message]
) -> asyncio.Task[None]:
    """Runs one ASGI connection of `app` in a task: it receives from `to_app`, sends to
    `from_app`."""

    async def run() -> None:
        await app(scope, to_app.get, from_app.put)

    return asyncio.create_task(run())


class WebSocketSession:
    """A websocket client speaking ASGI to the app directly, in the test's own event loop."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.to_app: asyncio.Queue[Message] = asyncio.Queue()
        self.from_app: asyncio.Queue[Message] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> WebSocketSession:
        self.task = serve_in_task(self.app, websocket_scope(), self.to_app, self.from_app)
        await self.to_app.put({"type": "websocket.connect"})
        accepted = await self.next_event()
        assert accepted == {"type": "websocket.accept", "subprotocol": PROTOCOL, "headers": []}
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.to_app.put({"type": "websocket.disconnect", "code": 1000})
        assert self.task is not None
        await asyncio.wait_for(self.task, 10)

    async def next_event(self) -> Message:
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
