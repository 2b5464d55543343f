"""A delivery's message, rendered once and sent by whichever channel the delivery is for.

Each kind of notification has a template in `templates/kinds/<kind>.jinja` with the blocks
`subject`, `detail` (optional), `action` (the button's label) and `screen` (the web app's path the
button opens). The notification's own message is the lead; the layouts `email.txt.jinja` and
`email.html.jinja` put the parts together, and the chat channels use the parts directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from jinja2 import (
    Environment,
    PackageLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    UndefinedError,
)

from delivery import calendar, digest
from delivery.links import SETTINGS_SCREEN, screen_url, unsubscribe_url
from delivery.rules import DIGEST
from graph.database import Row
from graph.settings import DeliverySettings

FALLBACK_ACTION = "Open the marketplace"
FALLBACK_SCREEN = "/"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    method: str = "PUBLISH"


@dataclass(frozen=True)
class Message:
    """Everything a channel needs to send one delivery."""

    key: str
    channel: str
    address: str
    kind: str
    recipient: dict[str, Any]
    subject: str
    lead: str
    details: tuple[str, ...]
    action: Link
    text: str
    html: str
    unsubscribe: tuple[Link, ...] = ()
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)

    @property
    def message_id(self) -> str:
        """The same Message-ID for every attempt of one delivery, so a mail client shows a
        message sent again after a crash as the same message."""
        return f"<{hashlib.sha256(self.key.encode()).hexdigest()[:32]}@talentgraph>"


def kind_label(kind: str) -> str:
    return kind.replace("_", " ")


class Renderer:
    """Renders deliveries (rows of `delivery/deliveries_to_send`) into messages."""

    def __init__(self, settings: DeliverySettings, secret: str) -> None:
        self.settings = settings
        self.secret = secret
        loader = PackageLoader("delivery", "templates")
        options: dict[str, Any] = {
            "loader": loader,
            "undefined": StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
        }
        self._text = Environment(autoescape=False, **options)
        self._html = Environment(autoescape=True, **options)

    def _kind_template(self, kind: str) -> Template | None:
        try:
            return self._text.get_template(f"kinds/{kind}.jinja")
        except TemplateNotFound:
            return None

    def render(self, row: Row) -> Message:
        delivery, recipient = row["delivery"], row["recipient"]
        kind: str = delivery["kind"]
        subject_row: dict[str, Any] = row["subject"] or {}
        items: list[dict[str, Any]] = row["items"]
        notification = subject_row.get("notification") or {}
        values: dict[str, Any] = {
            "recipient": recipient,
            "notification": notification,
            "gig": subject_row.get("gig"),
            "application": subject_row.get("application"),
            "engagement": subject_row.get("engagement"),
            "start_date": _start_date(subject_row),
            "summary": digest.summary(items) if kind == DIGEST else "",
        }
        template = self._kind_template(kind)

        def block(name: str, fallback: str) -> str:
            """A block of the kind's template; the fallback when the kind has no template or
            the block names what this notification lacks (a gig or application since deleted)."""
            if template is None or name not in template.blocks:
                return fallback
            try:
                text = "".join(template.blocks[name](template.new_context(values)))
            except UndefinedError:
                return fallback
            return text.strip() or fallback

        lead = str(notification.get("message") or "")
        subject = block("subject", lead or kind_label(kind))
        if kind == DIGEST:
            lead = subject
        details = tuple(line for line in (block("detail", ""),) if line)
        action = Link(
            block("action", FALLBACK_ACTION),
            screen_url(self.settings.web_url, block("screen", FALLBACK_SCREEN)),
        )
        kinds = sorted({item["kind"] for item in items}) if kind == DIGEST else [kind]
        unsubscribe = tuple(
            Link(
                f"Stop {delivery['channel']} messages about {kind_label(each)}",
                unsubscribe_url(
                    self.settings.public_url,
                    self.secret,
                    recipient["id"],
                    each,
                    delivery["channel"],
                ),
            )
            for each in kinds
        )
        layout_values = {
            "recipient": recipient,
            "subject": subject,
            "lead": lead,
            "details": details,
            "items": items,
            "action": action.label,
            "action_url": action.url,
            "unsubscribe": unsubscribe,
            "settings_url": screen_url(self.settings.web_url, SETTINGS_SCREEN),
        }
        return Message(
            key=delivery["key"],
            channel=delivery["channel"],
            address=delivery["address"],
            kind=kind,
            recipient=recipient,
            subject=subject,
            lead=lead,
            details=details,
            action=action,
            text=self._text.get_template("email.txt.jinja").render(layout_values),
            html=self._html.get_template("email.html.jinja").render(layout_values),
            unsubscribe=unsubscribe,
            attachments=_attachments(delivery, subject_row, action.url),
        )


def _start_date(subject: dict[str, Any]) -> date | None:
    """The gig's start date, or the day the engagement began when the gig names none."""
    gig, engagement = subject.get("gig") or {}, subject.get("engagement") or {}
    if gig.get("start_date") is not None:
        start: date = _native(gig["start_date"])
        return start
    if engagement.get("started_at") is not None:
        started: datetime = _native(engagement["started_at"])
        return started.date()
    return None


def _attachments(
    delivery: dict[str, Any], subject: dict[str, Any], action_url: str
) -> tuple[Attachment, ...]:
    gig, application = subject.get("gig"), subject.get("application")
    stamp: datetime = _native(delivery["created_at"])
    if delivery["kind"] == "offer_accepted" and gig and application:
        start = _start_date(subject) or stamp.date()
        invitation = calendar.gig_start(
            application["id"], gig, application["applicant"], start, stamp
        )
        return (Attachment("gig-start.ics", invitation),)
    if delivery["kind"] == "feedback_received" and gig and subject.get("engagement"):
        uid = f"feedback-{subject['engagement']['id']}"
        request = calendar.feedback_request(uid, gig, action_url, stamp)
        return (Attachment("feedback-request.ics", request),)
    return ()


def _native(value: Any) -> Any:
    """A Python date or datetime for a value the driver returned (its own temporal types)."""
    return value.to_native() if hasattr(value, "to_native") else value
