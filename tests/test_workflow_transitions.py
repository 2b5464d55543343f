"""Every application transition over GraphQL: each allowed one lands in its state, each refused
one is a Conflict naming the current state and changes nothing, and only the right person may
take it."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import httpx
import pytest
from typer.testing import CliRunner

from cli.main import app as cli_app
from graph.database import ConnectionInfo, Database
from resolvers.workflow import rules
from tests.support.api import graphql
from tests.support.workflow import act, drive, gql, workflow_org

STATES = [
    "invited",
    "submitted",
    "shortlisted",
    "offered",
    "accepted",
    "withdrawn",
    "declined",
    "rejected",
]
ALLOWED = [
    (action, source)
    for action, rule in rules.TRANSITIONS.items()
    for source in sorted(rule.sources)
]


def actor_of(action: rules.Action, applicant: str) -> str:
    return applicant if rules.TRANSITIONS[action].actor == "applicant" else "OWNER"


@pytest.mark.parametrize(("action", "source"), ALLOWED)
async def test_allowed_transition_lands_in_its_state_and_is_recorded(
    db: Database, client: httpx.AsyncClient, action: rules.Action, source: str
) -> None:
    await workflow_org().gig("BIG", "OWNER", "GIG", seats=3).load(db)
    id = await drive(db, "SOLO", "BIG", source)

    result = await act(client, actor_of(action, "SOLO"), action, id)

    target = rules.TRANSITIONS[action].target
    assert result["__typename"] == "Application", result
    assert result["state"] == target.upper()
    trail = await gig_trail(client, "BIG")
    assert (id, source, target) in [
        (e["subjectId"], e["fromState"], e["toState"]) for e in trail if e["action"] == action
    ]


@pytest.mark.parametrize("state", STATES)
async def test_refused_transitions_name_the_current_state_and_change_nothing(
    db: Database, client: httpx.AsyncClient, state: str
) -> None:
    await workflow_org().gig("BIG", "OWNER", "GIG", seats=3).load(db)
    id = await drive(db, "SOLO", "BIG", state)
    refused = [a for a, rule in rules.TRANSITIONS.items() if state not in rule.sources]
    assert refused

    for action in refused:
        result = await act(client, actor_of(action, "SOLO"), action, id)
        assert result["__typename"] == "Conflict", (action, result)
        assert result["currentState"] == state
        assert state in result["message"]

    mine = await gql(client, "SOLO", "{ myApplications { id state } }")
    assert mine["myApplications"] == [{"id": id, "state": state.upper()}]


async def test_only_the_applicant_or_the_owner_may_move_an_application(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    submitted = await drive(db, "SOLO", "G1", "submitted")
    offered = await drive(db, "ALICE", "G1", "offered")

    as_applicant = await act(client, "SOLO", "shortlist", submitted)
    as_owner = await act(client, "OWNER", "accept_offer", offered)
    as_stranger = await act(client, "BOB", "withdraw", submitted)

    assert as_applicant["__typename"] == "Forbidden"
    assert as_owner["__typename"] == "Forbidden"
    assert as_stranger["__typename"] == "NotFound"
    states = await gql(client, "OWNER", '{ gigApplications(gigId: "G1") { id state } }')
    assert {a["id"]: a["state"] for a in states["gigApplications"]} == {
        submitted: "SUBMITTED",
        offered: "OFFERED",
    }


async def test_a_gig_page_lists_its_applications_oldest_first_in_one_query(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    first = await drive(db, "SOLO", "G1", "submitted")
    second = await drive(db, "ALICE", "G1", "offered")
    page = '{ gig(id: "G1") { owner { id } } gigApplications(gigId: "G1") { id person { id } } }'

    as_owner = await graphql(client, page, "OWNER")
    as_applicant = await graphql(client, page, "SOLO")

    assert as_owner["data"]["gigApplications"] == [
        {"id": first, "person": {"id": "SOLO"}},
        {"id": second, "person": {"id": "ALICE"}},
    ]
    assert as_owner["extensions"]["queries"] == 2  # the gig, and its applications
    assert as_applicant["data"]["gigApplications"] == [{"id": first, "person": {"id": "SOLO"}}]


async def test_applying_twice_to_a_gig_or_to_a_closed_gig_is_refused(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().gig("DRAFT", "OWNER", "GIG", status="draft").load(db)
    apply = """mutation($gig: ID!) { applyToGig(input: {gigId: $gig, note: "Keen"}) {
      result { __typename ... on UserError { message } ... on Conflict { currentState } } } }"""

    first = await gql(client, "SOLO", apply, {"gig": "G1"})
    again = await gql(client, "SOLO", apply, {"gig": "G1"})
    closed = await gql(client, "SOLO", apply, {"gig": "DRAFT"})
    own = await gql(client, "OWNER", apply, {"gig": "G1"})
    missing = await gql(client, "SOLO", apply, {"gig": "NOPE"})

    assert first["applyToGig"]["result"]["__typename"] == "Application"
    assert again["applyToGig"]["result"]["__typename"] == "Conflict"
    # someone else's draft answers like a missing gig, so drafts cannot be enumerated
    assert closed["applyToGig"]["result"] == {
        "__typename": "NotFound",
        "message": "Gig 'DRAFT' does not exist",
    }
    assert own["applyToGig"]["result"]["__typename"] == "ValidationError"
    assert missing["applyToGig"]["result"]["__typename"] == "NotFound"


async def test_only_the_owner_invites_and_the_invitee_answers(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    invite = """mutation {
      inviteToGig(input: {gigId: "G1", personId: "SOLO", note: "You'd be great"}) {
      result { __typename ... on Application { id state origin note } } } }"""

    stranger = await gql(client, "BOB", invite)
    owner = await gql(client, "OWNER", invite)
    invitation = owner["inviteToGig"]["result"]
    accepted = await act(client, "SOLO", "accept_invitation", invitation["id"])

    assert stranger["inviteToGig"]["result"]["__typename"] == "Forbidden"
    assert invitation["state"] == "INVITED"
    assert invitation["origin"] == "INVITATION"
    assert invitation["note"] == "You'd be great"
    assert accepted["state"] == "SHORTLISTED"
    assert accepted["approvalState"] == "NOT_NEEDED"
    assert accepted["approvalReason"] == "no manager to ask"


async def test_a_rejection_needs_a_reason_and_the_applicant_hears_it(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "SOLO", "G1", "submitted")
    blank = """mutation($id: ID!) { rejectApplication(input: {applicationId: $id, reason: "  "}) {
      result { __typename ... on ValidationError { field } } } }"""

    refused = await gql(client, "OWNER", blank, {"id": id})
    rejected = await act(client, "OWNER", "reject", id)
    notes = await gql(client, "SOLO", "{ notifications { kind message applicationId } }")

    assert refused["rejectApplication"]["result"] == {
        "__typename": "ValidationError",
        "field": "reason",
    }
    assert rejected["state"] == "REJECTED"
    assert rejected["decisionReason"] == "we need deeper SQL"
    assert {
        "kind": "rejected",
        "message": "You were not selected for Gig G1: we need deeper SQL",
        "applicationId": id,
    } in notes["notifications"]


async def gig_trail(client: httpx.AsyncClient, gig_id: str) -> list[dict[str, str]]:
    query = """query($gig: ID!) { auditTrail(gigId: $gig) {
      action subject subjectId fromState toState reason actorId } }"""
    data = await gql(client, "OWNER", query, {"gig": gig_id})
    trail: list[dict[str, str]] = data["auditTrail"]
    return trail


async def test_applications_close_after_the_deadline_but_the_owner_may_still_invite(
    db: Database, client: httpx.AsyncClient
) -> None:
    yesterday = date.today() - timedelta(days=1)
    await (
        workflow_org()
        .gig("LATE", "OWNER", "GIG", application_deadline=yesterday)
        .gig("TODAY", "OWNER", "GIG", application_deadline=date.today())
        .load(db)
    )
    apply = """mutation($gig: ID!) { applyToGig(input: {gigId: $gig}) {
      result { __typename ... on UserError { message } } } }"""
    invite = """mutation { inviteToGig(input: {gigId: "LATE", personId: "BOB"}) {
      result { __typename } } }"""

    late = await gql(client, "SOLO", apply, {"gig": "LATE"})
    on_the_day = await gql(client, "SOLO", apply, {"gig": "TODAY"})
    invited = await gql(client, "OWNER", invite)

    assert late["applyToGig"]["result"] == {
        "__typename": "Conflict",
        "message": f"applications to 'Gig LATE' closed on {yesterday}",
    }
    assert on_the_day["applyToGig"]["result"]["__typename"] == "Application"
    assert invited["inviteToGig"]["result"]["__typename"] == "Application"
    trail = await gql(client, "SOLO", "{ myApplications { gig { id } } }")
    assert [a["gig"]["id"] for a in trail["myApplications"]] == ["TODAY"]


async def test_an_engagement_is_completed_only_once_its_gig_has_started(
    db: Database, client: httpx.AsyncClient
) -> None:
    starts = date.today() + timedelta(days=7)
    await workflow_org().gig("SOON", "OWNER", "GIG", start_date=starts).load(db)
    offered = await drive(db, "SOLO", "SOON", "offered")
    accepted = await act(client, "SOLO", "accept_offer", offered)
    complete = """mutation($id: ID!) { completeEngagement(input: {engagementId: $id,
      hoursWorked: 3, rating: 5, feedback: "fast"}) {
      result { __typename ... on UserError { message } } } }"""

    early = await gql(client, "OWNER", complete, {"id": accepted["engagement"]["id"]})

    assert early["completeEngagement"]["result"] == {
        "__typename": "Conflict",
        "message": f"the gig starts on {starts}: complete the engagement once it has begun",
    }
    status = await gql(
        client, "SOLO", "query($id: ID!) { application(id: $id) { engagement { status } } }",
        {"id": offered},
    )  # fmt: skip
    assert status["application"]["engagement"]["status"] == "ACTIVE"


@pytest.mark.parametrize(
    ("deadline", "closed"),
    [(None, False), (date(2026, 5, 1), False), (date(2026, 4, 30), True)],
)
def test_the_application_deadline_is_the_last_day_to_apply(
    deadline: date | None, closed: bool
) -> None:
    assert rules.applications_closed(deadline, date(2026, 5, 1)) is closed


@pytest.mark.parametrize(
    ("start", "completable"),
    [(None, True), (date(2026, 5, 1), True), (date(2026, 5, 2), False)],
)
def test_an_engagement_is_completable_from_its_gigs_first_day(
    start: date | None, completable: bool
) -> None:
    assert rules.completable(start, date(2026, 5, 1)) is completable


async def test_a_filled_gig_is_in_progress_from_its_start_date(
    db: Database,
    client: httpx.AsyncClient,
    neo4j_connection: ConnectionInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    today = date.today()
    starts = today + timedelta(days=7)
    org = workflow_org().gig("SOON", "OWNER", "GIG", start_date=starts)
    await org.gig("BEGUN", "OWNER", "GIG", status="filled", start_date=today).load(db)
    for person, gig in (("SOLO", "SOON"), ("ALICE", "G1")):  # G1 has no start date
        await act(client, person, "accept_offer", await drive(db, person, gig, "offered"))
    for name, value in (("URI", neo4j_connection.uri), ("USER", neo4j_connection.user)):
        monkeypatch.setenv(f"NEO4J_{name}", value)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    monkeypatch.setenv("TALENTGRAPH_POLICY_ALLOW_FUTURE_NOW", "true")  # the CLI reads its env
    start_due = ["gigs", "start-due"]
    on_the_day = [*start_due, "--now", f"{starts.isoformat()}T06:00:00+00:00"]

    first = await asyncio.to_thread(CliRunner().invoke, cli_app, start_due)
    again = await asyncio.to_thread(CliRunner().invoke, cli_app, start_due)
    statuses = """{ gigs(filter: {statuses: [FILLED, IN_PROGRESS]}, first: 10) {
                    edges { node { id status } } } }"""
    before = await gql(client, "OWNER", statuses)
    later = await asyncio.to_thread(CliRunner().invoke, cli_app, on_the_day)
    after = await gql(client, "OWNER", statuses)
    trail = await gql(client, "OWNER", '{ auditTrail(gigId: "BEGUN") { actorId action toState } }')

    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[-1] == "2 gig(s) started"
    assert again.output.splitlines()[-1] == "0 gig(s) started"
    assert {e["node"]["id"]: e["node"]["status"] for e in before["gigs"]["edges"]} == {
        "BEGUN": "IN_PROGRESS",
        "G1": "IN_PROGRESS",
        "SOON": "FILLED",
    }
    assert later.output.splitlines() == ["started SOON (Gig SOON)", "1 gig(s) started"]
    assert {e["node"]["status"] for e in after["gigs"]["edges"]} == {"IN_PROGRESS"}
    assert trail["auditTrail"] == [
        {"actorId": "system", "action": "start", "toState": "in_progress"}
    ]


async def test_the_start_of_gigs_is_not_run_ahead_of_time(
    db: Database, neo4j_connection: ConnectionInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    await workflow_org().gig("SOON", "OWNER", "GIG", status="filled").load(db)
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    ahead = (date.today() + timedelta(days=2)).isoformat()

    refused = await asyncio.to_thread(
        CliRunner().invoke, cli_app, ["gigs", "start-due", "--now", f"{ahead}T06:00:00"]
    )

    assert refused.exit_code != 0
    assert "may not be in the future" in refused.output
    assert "Traceback" not in refused.output
