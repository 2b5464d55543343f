"""The one approval: private until shortlisting, asked of the right manager once, skipped when
the policy needs no signature, decided in batches, escalated or auto-approved when unanswered."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from cli.main import app as cli_app
from graph.database import ConnectionInfo, Database
from graph.settings import PolicySettings
from resolvers.workflow import approvals
from tests.support.api import context
from tests.support.workflow import act, drive, gql, workflow_org

PENDING = "{ pendingApprovals { id state approvalState person { id } } }"
DECIDE = """mutation($decisions: [ApprovalDecisionInput!]!) {
  decideApprovals(input: {decisions: $decisions}) {
  result { __typename
    ... on ApprovalBatch { applications { id state approvalState approvalReason decisionReason
                                          approverId approvalDecidedAt } }
    ... on UserError { message } ... on ValidationError { field } ... on Conflict { currentState }
  } } }"""
OVERDUE = """mutation($now: DateTime) {
  processOverdueApprovals(input: {now: $now}) { result { __typename
  ... on OverdueApprovals { escalated { id approvalState approverId }
                            autoApproved { id approvalState approvalReason approvalDecidedAt } }
  ... on UserError { message } } } }"""


async def test_interest_stays_private_until_the_owner_shortlists(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "ALICE", "G1", "submitted")
    query = """query($id: ID!) { application(id: $id) { id approvalState } }"""

    before = await gql(client, "MANAGER", query, {"id": id})
    pending_before = await gql(client, "MANAGER", PENDING)
    gig_view = await gql(client, "MANAGER", '{ gigApplications(gigId: "G1") { id } }')
    shortlisted = await act(client, "OWNER", "shortlist", id)
    after = await gql(client, "MANAGER", query, {"id": id})
    pending_after = await gql(client, "MANAGER", PENDING)
    notes = await gql(client, "MANAGER", "{ notifications { kind applicationId } }")

    assert before["application"] is None
    assert pending_before["pendingApprovals"] == []
    assert gig_view["gigApplications"] == []
    assert shortlisted["approvalState"] == "PENDING"
    assert shortlisted["approverId"] == "MANAGER"
    assert shortlisted["approvalRequestedAt"] is not None
    assert after["application"] == {"id": id, "approvalState": "PENDING"}
    assert pending_after["pendingApprovals"] == [
        {"id": id, "state": "SHORTLISTED", "approvalState": "PENDING", "person": {"id": "ALICE"}}
    ]
    assert notes["notifications"] == [{"kind": "approval_requested", "applicationId": id}]


async def test_an_offer_waits_for_the_managers_approval(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "ALICE", "G1", "shortlisted")

    early = await act(client, "OWNER", "offer", id)
    decided = await gql(
        client, "MANAGER", DECIDE, {"decisions": [{"applicationId": id, "approve": True}]}
    )
    offered = await act(client, "OWNER", "offer", id)

    assert early["__typename"] == "Conflict"
    assert "approval is pending" in early["message"]
    [approved] = decided["decideApprovals"]["result"]["applications"]
    assert approved["approvalState"] == "APPROVED"
    assert approved["approvalDecidedAt"] is not None
    assert offered["state"] == "OFFERED"


@pytest.mark.parametrize(
    ("applicant", "gig", "reason"),
    [
        ("ALICE", "MICRO", "micro_task of 4 hours within the person's capacity"),
        ("SOLO", "G1", "no manager to ask"),
    ],
)
async def test_the_policy_needs_no_signature_for_small_tasks_or_people_without_a_manager(
    db: Database, client: httpx.AsyncClient, applicant: str, gig: str, reason: str
) -> None:
    await workflow_org().load(db)
    id = await drive(db, applicant, gig, "submitted")

    shortlisted = await act(client, "OWNER", "shortlist", id)
    offered = await act(client, "OWNER", "offer", id)
    pending = await gql(client, "MANAGER", PENDING)

    assert shortlisted["approvalState"] == "NOT_NEEDED"
    assert shortlisted["approvalReason"] == reason
    assert shortlisted["approverId"] is None
    assert offered["state"] == "OFFERED"
    assert pending["pendingApprovals"] == []


@pytest.mark.policy(no_approval_max_hours=3)
async def test_a_micro_task_over_the_hour_limit_or_beyond_capacity_asks_the_manager(
    db: Database, client: httpx.AsyncClient
) -> None:
    await (
        workflow_org()
        .gig("TINY", "OWNER", "GIG", type="micro_task", hours_per_week=1.0, duration_weeks=2)
        .update_person("BOB", gig_capacity_pct=0.0)
        .load(db)
    )
    over_limit = await drive(db, "ALICE", "MICRO", "submitted")
    no_capacity = await drive(db, "BOB", "TINY", "submitted")
    within = await drive(db, "ALICE", "TINY", "submitted")

    states = [
        (await act(client, "OWNER", "shortlist", id))["approvalState"]
        for id in (over_limit, no_capacity, within)
    ]

    assert states == ["PENDING", "PENDING", "NOT_NEEDED"]


async def test_a_manager_decides_several_at_once_and_a_decline_tells_the_applicant_why(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().gig("G2", "OWNER", "GIG").load(db)
    alice = await drive(db, "ALICE", "G1", "shortlisted")
    bob = await drive(db, "BOB", "G2", "shortlisted")
    decisions = [
        {"applicationId": alice, "approve": True, "reason": "Good for her growth"},
        {"applicationId": bob, "approve": False, "reason": "Quarter-end close needs him"},
    ]

    data = await gql(client, "MANAGER", DECIDE, {"decisions": decisions})
    notes = await gql(client, "BOB", "{ notifications { kind message } }")
    pending = await gql(client, "MANAGER", PENDING)

    approved, declined = data["decideApprovals"]["result"]["applications"]
    assert approved["approvalState"] == "APPROVED"
    assert approved["approvalReason"] == "Good for her growth"
    assert approved["state"] == "SHORTLISTED"
    assert declined["approvalState"] == "DECLINED"
    assert declined["state"] == "REJECTED"
    assert declined["decisionReason"] == "Quarter-end close needs him"
    assert {
        "kind": "rejected",
        "message": "You were not selected for Gig G2: your manager declined: "
        "Quarter-end close needs him",
    } in notes["notifications"]
    assert pending["pendingApprovals"] == []


@pytest.mark.parametrize(
    ("decider", "second", "typename"),
    [
        ("MANAGER", {"approve": False}, "ValidationError"),
        ("MANAGER", {"approve": True, "already_decided": True}, "Conflict"),
        ("OWNER", {"approve": True}, "Forbidden"),
        ("DIRECTOR", {"approve": True}, "NotFound"),
    ],
)
async def test_a_batch_is_all_or_nothing(
    db: Database,
    client: httpx.AsyncClient,
    decider: str,
    second: dict[str, bool],
    typename: str,
) -> None:
    await workflow_org().gig("G2", "OWNER", "GIG").load(db)
    alice = await drive(db, "ALICE", "G1", "shortlisted")
    bob = await drive(db, "BOB", "G2", "shortlisted")
    if second.get("already_decided"):
        manager = context(db, "MANAGER")
        await approvals.decide_approvals(manager, [approvals.ApprovalDecision(bob, True)])
    decisions = [
        {"applicationId": alice, "approve": True},
        {"applicationId": bob, "approve": second["approve"]},
    ]

    data = await gql(client, decider, DECIDE, {"decisions": decisions})
    still = await gql(client, "OWNER", '{ gigApplications(gigId: "G1") { approvalState } }')

    assert data["decideApprovals"]["result"]["__typename"] == typename
    assert still["gigApplications"] == [{"approvalState": "PENDING"}]


@pytest.mark.policy(allow_future_now=True)  # days pass in a drill
async def test_an_unanswered_approval_escalates_once_then_approves_itself(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "ALICE", "G1", "shortlisted")
    requested = datetime.now(UTC)
    timeout = timedelta(days=PolicySettings().approval_timeout_days)

    early = await overdue(client, requested + timeout - timedelta(hours=1))
    first = await overdue(client, requested + timeout + timedelta(hours=1))
    again = await overdue(client, requested + timeout + timedelta(hours=1))
    director = await gql(client, "DIRECTOR", PENDING)
    manager = await gql(client, "MANAGER", PENDING)
    still_visible = await gql(
        client, "MANAGER", "query($id: ID!) { application(id: $id) { id } }", {"id": id}
    )
    final = await overdue(client, requested + 2 * timeout + timedelta(hours=2))

    assert early == {"__typename": "OverdueApprovals", "escalated": [], "autoApproved": []}
    assert first["escalated"] == [
        {"id": id, "approvalState": "ESCALATED", "approverId": "DIRECTOR"}
    ]
    assert again["escalated"] == again["autoApproved"] == []
    assert [a["id"] for a in director["pendingApprovals"]] == [id]
    assert manager["pendingApprovals"] == []
    assert still_visible["application"] == {"id": id}
    [auto] = final["autoApproved"]
    assert auto["approvalState"] == "AUTO_APPROVED"
    assert auto["approvalReason"] == "no answer within 5 days: approved automatically"
    trail = await gql(
        client,
        "OWNER",
        """{ auditTrail(gigId: "G1") { action subject fromState toState actorId } }""",
    )
    approvals = [e for e in trail["auditTrail"] if e["subject"] == "approval"]
    assert [(e["action"], e["fromState"], e["toState"]) for e in approvals] == [
        ("request_approval", "not_requested", "pending"),
        ("escalate", "pending", "escalated"),
        ("auto_approve", "escalated", "auto_approved"),
    ]
    assert approvals[1]["actorId"] == "HR"


@pytest.mark.policy(on_timeout="auto_approve", approval_timeout_days=2, allow_future_now=True)
async def test_with_auto_approval_a_silence_approves_and_the_escalated_manager_can_decide(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    id = await drive(db, "ALICE", "G1", "shortlisted")

    result = await overdue(client, datetime.now(UTC) + timedelta(days=2, hours=1))

    assert result["escalated"] == []
    [auto] = result["autoApproved"]
    assert auto["id"] == id
    assert auto["approvalReason"] == "no answer within 2 days: approved automatically"
    assert (await act(client, "OWNER", "offer", id))["state"] == "OFFERED"


async def test_only_hr_processes_overdue_approvals(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().load(db)

    data = await gql(client, "MANAGER", OVERDUE, {"now": None})

    assert data["processOverdueApprovals"]["result"]["__typename"] == "Forbidden"


async def test_the_cli_processes_overdue_approvals(
    db: Database, neo4j_connection: ConnectionInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TALENTGRAPH_POLICY_ALLOW_FUTURE_NOW", "true")  # the CLI reads its env
    await workflow_org().load(db)
    id = await drive(db, "ALICE", "G1", "shortlisted")
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    args = ["approvals", "process-overdue", "--now", later]

    first = await asyncio.to_thread(CliRunner().invoke, cli_app, args)
    second = await asyncio.to_thread(CliRunner().invoke, cli_app, args)

    assert first.exit_code == 0, first.output
    assert f"escalated {id} to DIRECTOR" in first.output
    assert "1 escalated, 0 approved automatically" in first.output
    assert "0 escalated, 0 approved automatically" in second.output
    [row] = await approvals.pending_approvals(context(db, "DIRECTOR"))
    assert row["id"] == id


async def overdue(client: httpx.AsyncClient, now: datetime) -> dict[str, Any]:
    data = await gql(client, "HR", OVERDUE, {"now": now.isoformat()}, roles=("hr",))
    result: dict[str, Any] = data["processOverdueApprovals"]["result"]
    return result
