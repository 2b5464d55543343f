"""HR cannot skip a manager's signature by jumping the clock: `processOverdueApprovals(now:)` in
the future is refused (outside drills), and what it records carries the real time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from graph.database import Database
from tests.support.workflow import drive, gql, workflow_org

OVERDUE = """mutation($now: DateTime) { processOverdueApprovals(input: {now: $now}) { result {
  __typename ... on OverdueApprovals { escalated { id } autoApproved { id } }
  ... on ValidationError { field message } } } }"""
STATE = "query($id: ID!) { application(id: $id) { approvalState } }"
TRAIL = '{ auditTrail(gigId: "G1") { action at } }'


async def overdue(client: httpx.AsyncClient, now: str) -> dict[str, Any]:
    data = await gql(client, "HR", OVERDUE, {"now": now}, roles=("hr",))
    result: dict[str, Any] = data["processOverdueApprovals"]["result"]
    return result


async def test_a_future_now_is_refused_and_the_approval_stays_pending(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    application_id = await drive(db, "ALICE", "G1", "shortlisted")

    first = await overdue(client, "2030-01-01T00:00:00Z")
    second = await overdue(client, "2031-01-01T00:00:00Z")

    for result in (first, second):
        assert result["__typename"] == "ValidationError"
        assert result["field"] == "now"
        assert "may not be in the future" in result["message"]
    state = await gql(client, "OWNER", STATE, {"id": application_id})
    assert state["application"]["approvalState"] == "PENDING"
    trail = await gql(client, "OWNER", TRAIL)
    assert [e["action"] for e in trail["auditTrail"]] == ["apply", "shortlist", "request_approval"]


async def test_a_past_now_is_judged_as_of_then(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().load(db)
    await drive(db, "ALICE", "G1", "shortlisted")

    result = await overdue(client, (datetime.now(UTC) - timedelta(days=1)).isoformat())

    assert result == {"__typename": "OverdueApprovals", "escalated": [], "autoApproved": []}


@pytest.mark.policy(allow_future_now=True)
async def test_a_drill_in_the_future_still_records_the_real_time(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    await drive(db, "ALICE", "G1", "shortlisted")
    before = datetime.now(UTC)

    result = await overdue(client, "2030-01-01T00:00:00Z")

    assert len(result["escalated"]) == 1
    trail = await gql(client, "OWNER", TRAIL)
    [escalation] = [e for e in trail["auditTrail"] if e["action"] == "escalate"]
    at = datetime.fromisoformat(escalation["at"])
    assert before - timedelta(minutes=1) <= at <= datetime.now(UTC) + timedelta(minutes=1)
