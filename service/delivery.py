"""Delivery in the service: the unsubscribe pages a signed link opens without signing in, and the
delivery loop the service runs in its lifespan when `TALENTGRAPH_DELIVERY_WORKER` is true."""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from delivery import preferences
from delivery.links import UNSUBSCRIBE_PATH, signature_valid
from delivery.messages import Renderer, kind_label
from delivery.outbox import DeliveryWorker, senders_from_settings
from graph.database import Database
from graph.errors import DomainError
from graph.settings import DeliverySettings, SmtpSettings
from graph.vocabulary import DeliveryChannel, DeliveryMode, values

CHANNEL_NAMES = {"email": "e-mails", "slack": "Slack messages", "teams": "Teams messages"}


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{html.escape(title)}</title></head><body style="font-family: sans-serif">'
        f"<h1>{html.escape(title)}</h1>{body}</body></html>",
        status_code=status,
    )


async def unsubscribe(request: Request) -> HTMLResponse:
    """GET shows what the link will do and asks to confirm (so a mail scanner following links
    changes nothing); POST, from that page or a mail client's one-click (RFC 8058), does it."""
    params = request.query_params
    person_id, kind = params.get("person", ""), params.get("kind", "")
    channel, signature = params.get("channel", ""), params.get("sig", "")
    secret: str = request.state.settings.secret
    if channel not in values(DeliveryChannel) or not signature_valid(
        secret, person_id, kind, channel, signature
    ):
        return _page(
            "This link is not valid",
            "<p>The unsubscribe link is incomplete or was changed. Nothing was changed; use the "
            "link from the message itself, or change your settings in the marketplace.</p>",
            403,
        )
    what = f"{CHANNEL_NAMES[channel]} about {kind_label(kind)}"
    if request.method == "GET":
        return _page(
            f"Stop {what}?",
            f'<form method="post"><button type="submit">Stop {html.escape(what)}</button></form>',
        )
    db: Database = request.state.db
    try:
        mode = await preferences.unsubscribe(db, person_id, kind, DeliveryChannel(channel))
    except DomainError as error:
        return _page("Nothing was changed", f"<p>{html.escape(error.message)}</p>", 400)
    if mode == DeliveryMode.OFF:
        return _page("Done", f"<p>You will no longer get {html.escape(what)}.</p>")
    return _page(
        "Moved to your daily digest",
        f"<p>{html.escape(kind_label(kind).capitalize())} cannot be turned off by e-mail, since "
        "someone is waiting for your answer: they now come once a day in your digest, and one "
        "left unanswered escalates to the next manager.</p>",
    )


def delivery_routes() -> list[Route]:
    return [Route(UNSUBSCRIBE_PATH, unsubscribe, methods=["GET", "POST"])]


@asynccontextmanager
async def delivery_loop(
    db: Database, settings: DeliverySettings, smtp: SmtpSettings, secret: str
) -> AsyncIterator[None]:
    """Runs the delivery worker beside the service while `settings.worker` is true."""
    if not settings.worker:
        yield
        return
    senders = senders_from_settings(settings, smtp)
    worker = DeliveryWorker(db, settings, senders, Renderer(settings, secret))
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        yield
    finally:
        stop.set()
        await task
        await worker.close()
