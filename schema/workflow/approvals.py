"""GraphQL types, queries and mutations of the manager's approval."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.records.workflow import ApplicationRow
from resolvers.workflow import (
    approvals,
)
from schema.payloads import Payload, payload, payload_type
from schema.workflow.applications import Application


@strawberry.type(description="The applications after a batch of approval decisions.")
class ApprovalBatch:
    applications: list[Application]

    @classmethod
    def from_records(cls, rows: list[ApplicationRow]) -> Self:
        return cls(applications=[Application.from_record(row) for row in rows])


@strawberry.type(description="What one run of overdue processing did.")
class OverdueApprovals:
    escalated: list[Application]
    auto_approved: list[Application]

    @classmethod
    def from_outcome(cls, outcome: approvals.OverdueOutcome) -> Self:
        return cls(
            escalated=[Application.from_record(row) for row in outcome.escalated],
            auto_approved=[Application.from_record(row) for row in outcome.auto_approved],
        )


ApprovalBatchPayload = payload_type(
    ApprovalBatch, "ApprovalBatch", "Every decided application, or why none was decided."
)
OverduePayload = payload_type(OverdueApprovals, "Overdue")


@strawberry.input
class ApprovalDecisionInput:
    application_id: strawberry.ID
    approve: bool
    reason: str | None = strawberry.field(default=None, description="Required when declining.")

    def to_value(self) -> approvals.ApprovalDecision:
        return approvals.ApprovalDecision(self.application_id, self.approve, self.reason)


@strawberry.input
class DecideApprovalsInput:
    decisions: list[ApprovalDecisionInput]


@strawberry.input
class ProcessOverdueApprovalsInput:
    now: datetime | None = strawberry.field(
        default=None, description="The moment to judge overdue by; default: now."
    )


@strawberry.type
class ApprovalsQuery:
    @strawberry.field(description="Approvals waiting for the viewer, oldest request first.")
    async def pending_approvals(self, info: Info) -> list[Application]:
        return [Application.from_record(r) for r in await approvals.pending_approvals(info.context)]


@strawberry.type
class ApprovalsMutation:
    @strawberry.mutation(
        graphql_type=ApprovalBatchPayload,
        description="Manager: approves or declines several applications at once, all or nothing: "
        "one refused decision leaves every application unchanged and names the refused one.",
    )
    async def decide_approvals(
        self, info: Info, input: DecideApprovalsInput
    ) -> Payload[ApprovalBatch]:
        decisions = [decision.to_value() for decision in input.decisions]
        work = approvals.decide_approvals(info.context, decisions)
        return await payload(work, ApprovalBatch.from_records)

    @strawberry.mutation(
        graphql_type=OverduePayload,
        description="HR/admin: escalates or auto-approves approvals unanswered within the policy's "
        "timeout (idempotent); `now` defaults to the current time.",
    )
    async def process_overdue_approvals(
        self, info: Info, input: ProcessOverdueApprovalsInput | None = None
    ) -> Payload[OverdueApprovals]:
        work = approvals.process_overdue(info.context, input.now if input else None)
        return await payload(work, OverdueApprovals.from_outcome)
