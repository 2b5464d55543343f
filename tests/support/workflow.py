"""Shared set-up for the workflow tests: a small organisation, GraphQL over HTTP, and a way to
bring an application to any state through the real resolvers."""

from __future__ import annotations

from typing import Any

import httpx

from graph.database import Database
from resolvers.context import Context
from resolvers.workflow import applications, approvals, rules
from tests.support.api import context, graphql
from tests.support.factories import OrgFactory

APPLICATION_FIELDS = """
fragment Outcome on ApplicationResult {
  __typename
  ... on Application {
    id state origin note approvalState approverId approvalReason decisionReason
    approvalRequestedAt approvalDecidedAt
    person { id } gig { id status filledAt }
    engagement { id status hoursPerWeek }
  }
  ... on Conflict { message currentState }
  ... on UserError { message }
  ... on ValidationError { field }
}
"""

# How each action is asked for over GraphQL: the mutation and its extra arguments.
ACTION_MUTATIONS: dict[rules.Action, tuple[str, str]] = {
    "accept_invitation": ("respondToInvitation", "accept: true"),
    "decline_invitation": ("respondToInvitation", 'accept: false, reason: "busy"'),
    "shortlist": ("shortlistApplication", ""),
    "offer": ("makeOffer", ""),
    "accept_offer": ("acceptOffer", ""),
    "decline_offer": ("declineOffer", 'reason: "not now"'),
    "withdraw": ("withdrawApplication", 'reason: "changed my mind"'),
    "reject": ("rejectApplication", 'reason: "we need deeper SQL"'),
}


def workflow_org() -> OrgFactory:
    """OWNER (department GIG) owns gig G1 (a 4 h/week, 6-week project, one seat, 90/h outside)
    and MICRO (a 2 h/week, 2-week micro-task). In OPS, ALICE and BOB report to MANAGER, who
    reports to DIRECTOR; SOLO has no manager. Everyone has 40 h/week with 20 % for gigs (8 h)."""
    return (
        OrgFactory()
        .skill("python", "Python")
        .skill("sql", "SQL")
        .skill("dataviz", "Data visualisation")
        .department("GIG", "Growth")
        .department("OPS", "Operations")
        .person("OWNER", "GIG", name="Olga Owner")
        .person("DIRECTOR", "OPS", name="Dora Director")
        .person("MANAGER", "OPS", name="Max Manager", manager_id="DIRECTOR")
        .person("ALICE", "OPS", name="Alice Analyst", manager_id="MANAGER")
        .person("BOB", "OPS", name="Bob Builder", manager_id="MANAGER")
        .person("SOLO", "OPS", name="Sam Solo")
        .department("PEOPLE", "People")
        .person("HR", "PEOPLE", name="Hana Resources")
        .gig("G1", "OWNER", "GIG", hours_per_week=4.0, duration_weeks=6, external_hourly_rate=90.0)
        .requires("G1", "python", 3)
        .gig("MICRO", "OWNER", "GIG", type="micro_task", hours_per_week=2.0, duration_weeks=2)
    )


async def gql(
    client: httpx.AsyncClient,
    person_id: str,
    query: str,
    variables: dict[str, Any] | None = None,
    roles: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The `data` of a GraphQL request made as `person_id`; fails the test on any error."""
    body = await graphql(client, query, person_id, *roles, variables=variables)
    assert "errors" not in body, body["errors"]
    data: dict[str, Any] = body["data"]
    return data


async def act(
    client: httpx.AsyncClient, person_id: str, action: rules.Action, application_id: str
) -> dict[str, Any]:
    """Takes `action` on an application over GraphQL; returns its typed result."""
    field, extra = ACTION_MUTATIONS[action]
    arguments = f"applicationId: $id, {extra}" if extra else "applicationId: $id"
    query = (
        f"mutation($id: ID!) {{ {field}(input: {{{arguments}}}) {{ result {{ ...Outcome }} }} }}"
    )
    data = await gql(client, person_id, query + APPLICATION_FIELDS, {"id": application_id})
    result: dict[str, Any] = data[field]["result"]
    return result


async def drive(
    db: Database, person_id: str, gig_id: str, state: str, owner_id: str = "OWNER"
) -> str:
    """An application of `person_id` to `gig_id`, brought to `state` the way people would (a
    `shortlisted` one keeps its approval pending; later states have it approved)."""
    owner, applicant = context(db, owner_id), context(db, person_id)
    if state in ("invited", "declined"):
        row = await applications.invite(owner, gig_id, person_id, "we need you")
        if state == "declined":
            await applications.transition(applicant, row["id"], "decline_invitation", "busy")
        return str(row["id"])
    row = await applications.apply(applicant, gig_id, "I can help")
    id = str(row["id"])
    follow_up: dict[str, list[tuple[Context, rules.Action, str | None]]] = {
        "submitted": [],
        "withdrawn": [(applicant, "withdraw", "changed my mind")],
        "rejected": [(owner, "reject", "we need deeper SQL")],
        "shortlisted": [(owner, "shortlist", None)],
        "offered": [(owner, "shortlist", None), (owner, "offer", None)],
        "accepted": [
            (owner, "shortlist", None),
            (owner, "offer", None),
            (applicant, "accept_offer", None),
        ],
    }
    for who, action, reason in follow_up[state]:
        row = await applications.transition(who, id, action, reason)
        if state != "shortlisted" and row["approval_state"] in rules.AWAITING_APPROVAL:
            approver_id = row.get("approver_id")
            assert approver_id is not None, row
            approver = context(db, approver_id)
            await approvals.decide_approvals(approver, [approvals.ApprovalDecision(id, True)])
    return id
