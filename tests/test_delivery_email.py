"""E-mail delivery through a real SMTP server: the right people get the right message, with the
reason, the link to the screen, an unsubscribe link and calendar attachments."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from icalendar import Calendar

from graph.database import Database
from tests.support.delivery import WEB_URL, Mailbox, attachment, body, deliver, smtp_server, subject
from tests.support.workflow import act, drive, gql, workflow_org

COMPLETE = """mutation($input: CompleteEngagementInput!) {
  completeEngagement(input: $input) { result { __typename } } }"""


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    async with smtp_server() as mailbox:
        yield mailbox


async def test_a_rejected_applicant_reads_why_and_where_to_look(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "SOLO", "G1", "submitted")
    await act(client, "OWNER", "reject", id)

    outcome = await deliver(db, mailbox)

    [mail] = mailbox.to("solo@example.org")
    text, html = body(mail), body(mail, "html")
    assert subject(mail) == "Your application to Gig G1"
    assert str(mail["From"]) == "Talent marketplace <talent@example.org>"
    assert str(mail["To"]) == "Sam Solo <solo@example.org>"
    assert "The reason given: we need deeper SQL." in text
    assert "The reason given: we need deeper SQL." in html
    assert f"See your application: {WEB_URL}/applications" in text
    assert f'href="{WEB_URL}/applications"' in html
    assert "http://talentgraph/notifications/unsubscribe?person=SOLO&kind=rejected" in text
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The owner's "new applicant" waits for the daily digest by default.
    assert mailbox.to("owner@example.org") == []
    assert (outcome.sent, outcome.retrying, outcome.failed) == (1, 0, 0)


async def test_the_manager_is_asked_to_approve_with_a_link_to_the_approvals(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "ALICE", "G1", "submitted")
    await act(client, "OWNER", "shortlist", id)

    await deliver(db, mailbox)

    [mail] = mailbox.to("manager@example.org")
    assert subject(mail) == "Approval needed: Alice Analyst for Gig G1"
    assert "Alice Analyst is shortlisted for Gig G1 (4 h/week for 6 weeks)" in body(mail)
    assert f"Approve or decline: {WEB_URL}/approvals" in body(mail)
    [shortlisted] = mailbox.to("alice@example.org")
    assert subject(shortlisted) == "You are shortlisted for Gig G1"
    assert len(mailbox.messages) == 2


async def test_an_accepted_offer_brings_the_owner_a_calendar_invitation_for_the_start(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    org = workflow_org()
    org.org.gigs = [
        gig if gig.id != "G1" else type(gig)(**{**gig.__dict__, "start_date": date(2027, 1, 4)})
        for gig in org.org.gigs
    ]
    await org.load(db)
    id = await drive(db, "SOLO", "G1", "accepted")

    await deliver(db, mailbox)

    [accepted] = [m for m in mailbox.to("owner@example.org") if "accepted" in subject(m)]
    assert subject(accepted) == "Sam Solo accepted your offer for Gig G1"
    assert "The gig starts on 2027-01-04" in body(accepted)
    event = Calendar.from_ical(attachment(accepted, "gig-start.ics")).walk("VEVENT")[0]
    assert event.decoded("dtstart") == date(2027, 1, 4)
    assert str(event["summary"]) == "Gig starts: Gig G1"
    assert str(event["uid"]) == f"{id}@talentgraph"
    assert str(event["attendee"]) == "mailto:solo@example.org"
    assert str(event["organizer"]) == "mailto:owner@example.org"


async def test_a_completed_gig_asks_the_helper_for_feedback(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "SOLO", "G1", "accepted")
    application = await gql(
        client,
        "OWNER",
        "query($id: ID!) { application(id: $id) { engagement { id } } }",
        {"id": id},
    )
    engagement = application["application"]["engagement"]["id"]
    completion = {
        "engagementId": engagement,
        "hoursWorked": 20.0,
        "rating": 5,
        "feedback": "Shipped early",
        "skills": [],
    }
    await gql(client, "OWNER", COMPLETE, {"input": completion})

    await deliver(db, mailbox)

    [done] = [m for m in mailbox.to("solo@example.org") if "complete" in subject(m)]
    assert subject(done) == "Your work on Gig G1 is complete"
    assert 'Olga Owner rated it 5/5: "Shipped early". How was the gig for you?' in body(done)
    feedback_url = f"{WEB_URL}/gigs/G1"
    assert f"Give your feedback: {feedback_url}" in body(done)
    todo = Calendar.from_ical(attachment(done, "feedback-request.ics")).walk("VTODO")[0]
    assert str(todo["summary"]) == "Give feedback on Gig G1"
    assert str(todo["url"]) == feedback_url


async def test_running_the_worker_again_sends_nothing_twice(
    db: Database, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    await workflow_org().load(db)
    for person in ("SOLO", "BOB"):
        await act(client, "OWNER", "reject", await drive(db, person, "G1", "submitted"))

    first = await deliver(db, mailbox)
    second = await deliver(db, mailbox)

    assert sorted(str(m["To"]) for m in mailbox.messages) == [
        "Bob Builder <bob@example.org>",
        "Sam Solo <solo@example.org>",
    ]
    assert first.sent == 2
    assert (second.planned, second.sent) == (0, 0)
    assert len({m["Message-ID"] for m in mailbox.messages}) == 2
