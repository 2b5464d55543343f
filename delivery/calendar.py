"""Calendar attachments (RFC 5545, through icalendar): the start of an accepted gig, and the
request for feedback once a gig is complete."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event, Todo, vCalAddress, vText

PRODUCT = "-//talentgraph//notifications//EN"
FEEDBACK_DUE_DAYS = 7


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    return calendar


def _person(person: dict[str, Any]) -> vCalAddress:
    address = vCalAddress(f"mailto:{person['email']}")
    address.params["cn"] = vText(person["name"])
    return address


def gig_start(
    uid: str, gig: dict[str, Any], helper: dict[str, Any], start: date, stamp: datetime
) -> bytes:
    """An all-day event on the gig's first day, organised by its owner, the helper attending."""
    event = Event()
    event.add("uid", f"{uid}@talentgraph")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(days=1))
    event.add("summary", f"Gig starts: {gig['title']}")
    event.add(
        "description",
        f"{helper['name']} starts on {gig['title']}: {gig['hours_per_week']:g} h/week for "
        f"{gig['duration_weeks']} weeks.",
    )
    event.add("organizer", _person(gig["owner"]))
    event.add("attendee", _person(helper))
    calendar = _calendar()
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def feedback_request(uid: str, gig: dict[str, Any], url: str, stamp: datetime) -> bytes:
    """A to-do due a week after completion: rate the gig you worked on."""
    todo = Todo()
    todo.add("uid", f"{uid}@talentgraph")
    todo.add("dtstamp", stamp)
    todo.add("due", stamp + timedelta(days=FEEDBACK_DUE_DAYS))
    todo.add("summary", f"Give feedback on {gig['title']}")
    todo.add("description", f"How was the gig for you? {url}")
    todo.add("url", url)
    calendar = _calendar()
    calendar.add_component(todo)
    return bytes(calendar.to_ical())
