"""Real servers for the delivery tests: an SMTP server (aiosmtpd) and an HTTP receiver for chat
webhooks (uvicorn), each on a free port of 127.0.0.1, plus a worker wired to them."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any, cast

import uvicorn
from aiosmtpd.smtp import SMTP, Envelope, Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from delivery.messages import Renderer
from delivery.outbox import DeliveryWorker, PassOutcome, senders_from_settings
from graph.database import Database
from graph.settings import DeliverySettings, SmtpSettings
from tests.support.api import TEST_SECRET

WEB_URL = "https://talent.example.org"
PUBLIC_URL = "http://talentgraph"


@dataclass
class Mailbox:
    """An aiosmtpd handler that keeps what it accepts. `refuse` holds addresses it answers 550;
    `failures` is how many DATA commands it answers 451 before accepting again; `hold_after`,
    when set, holds every DATA after that many messages until `release` is set, then answers
    451 (the message is not accepted)."""

    port: int = 0
    messages: list[EmailMessage] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    failures: int = 0
    hold_after: int | None = None
    held: int = 0
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook names)
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        if self.hold_after is not None and len(self.messages) >= self.hold_after:
            self.held += 1
            await self.release.wait()
            return "451 4.3.0 not accepted"
        if self.failures > 0:
            self.failures -= 1
            return "451 4.3.0 try again later"
        content = cast(bytes, envelope.original_content or envelope.content)
        self.messages.append(message_from_bytes(content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


@asynccontextmanager
async def smtp_server() -> AsyncIterator[Mailbox]:
    mailbox = Mailbox()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(mailbox, hostname="mail.test", loop=loop), "127.0.0.1", 0
    )
    mailbox.port = server.sockets[0].getsockname()[1]
    try:
        yield mailbox
    finally:
        mailbox.release.set()
        server.close()
        await server.wait_closed()


@dataclass
class WebhookReceiver:
    """What an incoming-webhook endpoint received, per path; `status` is what it answers."""

    port: int = 0
    posts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    status: int = 200

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


@asynccontextmanager
async def webhook_receiver() -> AsyncIterator[WebhookReceiver]:
    receiver = WebhookReceiver()

    async def receive(request: Request) -> Response:
        if receiver.status != 200:
            return JSONResponse({"error": "unavailable"}, status_code=receiver.status)
        body = json.loads(await request.body())
        receiver.posts.setdefault(request.path_params["hook"], []).append(body)
        return Response("ok")

    app = Starlette(routes=[Route("/{hook}", receive, methods=["POST"])])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    receiver.port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn has a flag, no event)
        await asyncio.sleep(0.01)
    try:
        yield receiver
    finally:
        server.should_exit = True
        await task
        sock.close()


def delivery_settings(**overrides: Any) -> DeliverySettings:
    values: dict[str, Any] = {
        "web_url": WEB_URL,
        "public_url": PUBLIC_URL,
        "backoff_s": 60.0,
        "lease_s": 120.0,
        "max_attempts": 3,
    }
    return DeliverySettings(**(values | overrides))


def smtp_settings(mailbox: Mailbox, **overrides: Any) -> SmtpSettings:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": mailbox.port,
        "sender": "Talent marketplace <talent@example.org>",
        "timeout_s": 5.0,
    }
    return SmtpSettings(**(values | overrides))


def worker(
    db: Database,
    mailbox: Mailbox,
    settings: DeliverySettings | None = None,
    smtp: SmtpSettings | None = None,
) -> DeliveryWorker:
    settings = settings or delivery_settings()
    senders = senders_from_settings(settings, smtp or smtp_settings(mailbox))
    return DeliveryWorker(db, settings, senders, Renderer(settings, TEST_SECRET))


async def deliver(
    db: Database,
    mailbox: Mailbox,
    settings: DeliverySettings | None = None,
    smtp: SmtpSettings | None = None,
    now: datetime | None = None,
) -> PassOutcome:
    """One pass of a worker wired to the test's servers (`now` fixed, or the clock's); the
    worker's connections are closed after it."""
    once = worker(db, mailbox, settings, smtp)
    try:
        return await once.run_once(now)
    finally:
        await once.close()


def body(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None, f"no text/{subtype} part"
    content: str = cast(EmailMessage, part).get_content()
    return content


def attachment(message: EmailMessage, filename: str) -> bytes:
    for part in message.iter_attachments():
        if part.get_filename() == filename:
            return cast(bytes, part.get_payload(decode=True))
    raise AssertionError(
        f"no attachment {filename}; has {[p.get_filename() for p in message.iter_attachments()]}"
    )


def subject(message: EmailMessage) -> str:
    """The subject as a mail client shows it (a long one is folded after `Subject:`, and the
    standard library's parser keeps the fold's space)."""
    return str(message["Subject"]).strip()
