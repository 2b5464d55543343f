"""GraphQL types, queries and mutations of applications and invitations."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from graph.values import to_datetime
from resolvers.context import Info
from resolvers.records.gigs import GigRecord
from resolvers.records.people import PersonRecord
from resolvers.records.workflow import ApplicationRow, EngagementRecord
from resolvers.workflow import applications, rules
from schema.gigs import Gig
from schema.payloads import Payload, payload, payload_type
from schema.people import Person
from schema.vocabulary import ApplicationOrigin, ApplicationState, ApprovalState
from schema.workflow.engagements import Engagement


@strawberry.type(
    description="A person's application to a gig, or the owner's invitation to it. Visible to "
    "the applicant, the gig's owner and HR; to the applicant's manager only once asked to approve."
)
class Application:
    id: strawberry.ID
    state: ApplicationState
    origin: ApplicationOrigin
    note: str | None
    created_at: datetime | None
    updated_at: datetime | None
    approval_state: ApprovalState
    approver_id: strawberry.ID | None
    approval_requested_at: datetime | None
    approval_decided_at: datetime | None
    approval_reason: str | None
    decision_reason: str | None = strawberry.field(
        description="Why it was rejected, declined or withdrawn; the applicant sees it."
    )
    person: Person
    gig: Gig
    engagement: Engagement | None

    @classmethod
    def from_record(cls, row: ApplicationRow) -> Self:
        engagement, approver_id = row["engagement"], row.get("approver_id")
        return cls(
            id=strawberry.ID(row["id"]),
            state=ApplicationState(row["state"]),
            origin=ApplicationOrigin(row.get("origin") or ApplicationOrigin.APPLICATION),
            note=row.get("note"),
            created_at=to_datetime(row.get("created_at")),
            updated_at=to_datetime(row.get("updated_at")),
            approval_state=ApprovalState(row.get("approval_state") or ApprovalState.NOT_REQUESTED),
            approver_id=strawberry.ID(approver_id) if approver_id is not None else None,
            approval_requested_at=to_datetime(row.get("approval_requested_at")),
            approval_decided_at=to_datetime(row.get("approval_decided_at")),
            approval_reason=row.get("approval_reason"),
            decision_reason=row.get("decision_reason"),
            person=Person.from_record(PersonRecord.from_row(row["person"])),
            gig=Gig.from_record(GigRecord.from_row(row["gig"])),
            engagement=(
                Engagement.from_record(EngagementRecord.from_row(engagement))
                if engagement
                else None
            ),
        )


ApplicationPayload = payload_type(
    Application, "Application", "The application after the change, or why nothing changed."
)


@strawberry.type
class ApplicationsQuery:
    @strawberry.field(description="One application, or null when there is none the viewer may see.")
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:
        row = await applications.application(info.context, id)
        return Application.from_record(row) if row else None

    @strawberry.field(description="The viewer's applications and invitations, latest change first.")
    async def my_applications(self, info: Info) -> list[Application]:
        return [
            Application.from_record(r) for r in await applications.my_applications(info.context)
        ]

    @strawberry.field(
        description="A gig's applications: all of them for its owner and HR, else the viewer's own."
    )
    async def gig_applications(self, info: Info, gig_id: strawberry.ID) -> list[Application]:
        rows = await applications.gig_applications(info.context, gig_id)
        return [Application.from_record(row) for row in rows]


@strawberry.input
class ApplyToGigInput:
    gig_id: strawberry.ID
    note: str | None = None


@strawberry.input
class InviteToGigInput:
    gig_id: strawberry.ID
    person_id: strawberry.ID
    note: str | None = None


@strawberry.input
class RespondToInvitationInput:
    application_id: strawberry.ID
    accept: bool
    reason: str | None = None


@strawberry.input(description="The application a shortlisting, an offer or an acceptance is for.")
class ApplicationRefInput:
    application_id: strawberry.ID


@strawberry.input(description="The application declined or withdrawn, and why (optional).")
class ApplicationReasonInput:
    application_id: strawberry.ID
    reason: str | None = None


@strawberry.input(description="The application rejected, and why: the applicant is told.")
class RejectApplicationInput:
    application_id: strawberry.ID
    reason: str


async def _moved(
    info: Info, application_id: str, action: rules.Action, reason: str | None
) -> Payload[Application]:
    """The payload of one move of `rules.TRANSITIONS`."""
    work = applications.transition(info.context, application_id, action, reason)
    return await payload(work, Application.from_record)


@strawberry.type
class ApplicationsMutation:
    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="The viewer applies to an open gig, with a note.",
    )
    async def apply_to_gig(self, info: Info, input: ApplyToGigInput) -> Payload[Application]:
        work = applications.apply(info.context, input.gig_id, input.note)
        return await payload(work, Application.from_record)

    @strawberry.mutation(
        graphql_type=ApplicationPayload, description="Owner: invites a candidate to an open gig."
    )
    async def invite_to_gig(self, info: Info, input: InviteToGigInput) -> Payload[Application]:
        work = applications.invite(info.context, input.gig_id, input.person_id, input.note)
        return await payload(work, Application.from_record)

    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="Invitee: accepts (to SHORTLISTED, asking the manager) or declines.",
    )
    async def respond_to_invitation(
        self, info: Info, input: RespondToInvitationInput
    ) -> Payload[Application]:
        action: rules.Action = "accept_invitation" if input.accept else "decline_invitation"
        return await _moved(info, input.application_id, action, input.reason)

    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="Owner: SUBMITTED to SHORTLISTED; asks the applicant's manager unless the "
        "policy needs no signature.",
    )
    async def shortlist_application(
        self, info: Info, input: ApplicationRefInput
    ) -> Payload[Application]:
        return await _moved(info, input.application_id, "shortlist", None)

    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="Owner: SHORTLISTED to OFFERED, once the approval allows.",
    )
    async def make_offer(self, info: Info, input: ApplicationRefInput) -> Payload[Application]:
        return await _moved(info, input.application_id, "offer", None)

    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="Applicant: OFFERED to ACCEPTED; starts the engagement, takes a seat and "
        "commits the hours, or returns Conflict when no seat or capacity is left.",
    )
    async def accept_offer(self, info: Info, input: ApplicationRefInput) -> Payload[Application]:
        return await _moved(info, input.application_id, "accept_offer", None)

    @strawberry.mutation(
        graphql_type=ApplicationPayload, description="Applicant: OFFERED to DECLINED."
    )
    async def decline_offer(
        self, info: Info, input: ApplicationReasonInput
    ) -> Payload[Application]:
        return await _moved(info, input.application_id, "decline_offer", input.reason)

    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="Applicant: withdraws a submitted, shortlisted or offered one.",
    )
    async def withdraw_application(
        self, info: Info, input: ApplicationReasonInput
    ) -> Payload[Application]:
        return await _moved(info, input.application_id, "withdraw", input.reason)

    @strawberry.mutation(
        graphql_type=ApplicationPayload,
        description="Owner: rejects an invitation or application; the reason is required and the "
        "applicant is told.",
    )
    async def reject_application(
        self, info: Info, input: RejectApplicationInput
    ) -> Payload[Application]:
        return await _moved(info, input.application_id, "reject", input.reason)
