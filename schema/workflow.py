"""GraphQL types and fields for the gig lifecycle: applications and invitations, the manager's
approval, engagements, feedback and growth, the audit trail, notifications and success stories."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable
from datetime import datetime
from enum import Enum
from typing import Annotated, Self

import strawberry

from graph.database import Row
from graph.settings import policy_settings
from resolvers import workflow
from resolvers.context import Info
from schema.errors import Conflict, Forbidden, NotFound, ValidationError, typed_result
from schema.gigs import Gig
from schema.people import Person
from schema.skills import Skill
from schema.values import to_datetime


@strawberry.enum
class ApplicationState(Enum):
    INVITED = "invited"
    SUBMITTED = "submitted"
    SHORTLISTED = "shortlisted"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    WITHDRAWN = "withdrawn"
    DECLINED = "declined"
    REJECTED = "rejected"


@strawberry.enum
class ApplicationOrigin(Enum):
    APPLICATION = "application"
    INVITATION = "invitation"


@strawberry.enum(
    description="NOT_REQUESTED until shortlisting; then PENDING (the manager is asked), "
    "NOT_NEEDED (policy: no signature), ESCALATED (to the manager's manager after the timeout), "
    "APPROVED, DECLINED or AUTO_APPROVED (nobody answered in time)."
)
class ApprovalState(Enum):
    NOT_REQUESTED = "not_requested"
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    NOT_NEEDED = "not_needed"
    AUTO_APPROVED = "auto_approved"
    ESCALATED = "escalated"


@strawberry.enum
class EngagementStatus(Enum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


@strawberry.type(description="A skill shown on an engagement: the evidence behind skill growth.")
class DemonstratedSkill:
    skill: Skill
    level: int
    previous_level: int = strawberry.field(description="Proficiency before the gig (0: none).")
    was_aspiration: bool = strawberry.field(description="The person aspired to it before.")

    @strawberry.field(description="The gig raised the person's proficiency.")
    def grew(self) -> bool:
        return self.level > self.previous_level

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            skill=Skill.from_row(row["skill"]),
            level=int(row["level"]),
            previous_level=int(row.get("previous_level") or 0),
            was_aspiration=bool(row.get("was_aspiration", False)),
        )


@strawberry.type(description="A person's work on a gig, from acceptance to completion.")
class Engagement:
    id: strawberry.ID
    status: EngagementStatus
    hours_per_week: float = strawberry.field(
        description="Committed against the person's gig capacity while active."
    )
    started_at: datetime | None
    completed_at: datetime | None
    hours_worked: float | None
    rating: int | None = strawberry.field(description="The owner's rating, 1-5.")
    feedback: str | None = strawberry.field(description="The owner's written feedback.")
    helper_rating: int | None = strawberry.field(description="The helper's rating of the gig.")
    helper_feedback: str | None
    cancelled_at: datetime | None
    cancellation_reason: str | None
    approver_id: strawberry.ID | None
    approval_requested_at: datetime | None
    approval_decided_at: datetime | None
    person: Person
    gig: Gig
    demonstrated: list[DemonstratedSkill]

    @classmethod
    def from_row(cls, row: Row) -> Self:
        rating, helper_rating, hours = (
            row.get("rating"),
            row.get("helper_rating"),
            row.get("hours_worked"),
        )
        return cls(
            id=strawberry.ID(row["id"]),
            status=EngagementStatus(row["status"]),
            hours_per_week=float(row.get("hours_per_week") or 0.0),
            started_at=to_datetime(row.get("started_at")),
            completed_at=to_datetime(row.get("completed_at")),
            hours_worked=float(hours) if hours is not None else None,
            rating=int(rating) if rating is not None else None,
            feedback=row.get("feedback"),
            helper_rating=int(helper_rating) if helper_rating is not None else None,
            helper_feedback=row.get("helper_feedback"),
            cancelled_at=to_datetime(row.get("cancelled_at")),
            cancellation_reason=row.get("cancellation_reason"),
            approver_id=row.get("approver_id"),
            approval_requested_at=to_datetime(row.get("approval_requested_at")),
            approval_decided_at=to_datetime(row.get("approval_decided_at")),
            person=Person.from_row(row["person"]),
            gig=Gig.from_row(row["gig"]),
            demonstrated=[DemonstratedSkill.from_row(d) for d in row.get("demonstrated") or []],
        )


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
    def from_row(cls, row: Row) -> Self:
        engagement = row.get("engagement")
        return cls(
            id=strawberry.ID(row["id"]),
            state=ApplicationState(row["state"]),
            origin=ApplicationOrigin(row.get("origin") or "application"),
            note=row.get("note"),
            created_at=to_datetime(row.get("created_at")),
            updated_at=to_datetime(row.get("updated_at")),
            approval_state=ApprovalState(row.get("approval_state") or "not_requested"),
            approver_id=row.get("approver_id"),
            approval_requested_at=to_datetime(row.get("approval_requested_at")),
            approval_decided_at=to_datetime(row.get("approval_decided_at")),
            approval_reason=row.get("approval_reason"),
            decision_reason=row.get("decision_reason"),
            person=Person.from_row(row["person"]),
            gig=Gig.from_row(row["gig"]),
            engagement=Engagement.from_row(engagement) if engagement else None,
        )


@strawberry.type(
    description="One recorded change: who made it, when, from which state to which, why."
)
class AuditEvent:
    id: strawberry.ID
    at: datetime
    actor_id: str = strawberry.field(description="A person id, or 'system' for the overdue run.")
    action: str
    subject: str = strawberry.field(description="application, approval, engagement or gig")
    subject_id: strawberry.ID
    from_state: str | None
    to_state: str
    reason: str | None
    gig_id: strawberry.ID
    person_id: strawberry.ID | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        at = to_datetime(row["at"])
        assert at is not None
        return cls(
            id=strawberry.ID(row["id"]),
            at=at,
            actor_id=row["actor_id"],
            action=row["action"],
            subject=row["subject"],
            subject_id=strawberry.ID(row["subject_id"]),
            from_state=row.get("from_state"),
            to_state=row["to_state"],
            reason=row.get("reason"),
            gig_id=strawberry.ID(row["gig_id"]),
            person_id=row.get("person_id"),
        )


@strawberry.type(description="Something that needs the viewer, or that they should know.")
class Notification:
    id: strawberry.ID
    kind: str = strawberry.field(
        description="application_received, invited, invitation_accepted, shortlisted, "
        "approval_requested, approved, approval_declined, offer_made, offer_accepted, declined, "
        "withdrawn, rejected, gig_filled, feedback_received, gig_feedback, endorsed, "
        "engagement_cancelled"
    )
    message: str
    created_at: datetime
    read_at: datetime | None
    gig_id: strawberry.ID | None
    application_id: strawberry.ID | None
    engagement_id: strawberry.ID | None

    @strawberry.field
    def read(self) -> bool:
        return self.read_at is not None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        created_at = to_datetime(row["created_at"])
        assert created_at is not None
        return cls(
            id=strawberry.ID(row["id"]),
            kind=row["kind"],
            message=row["message"],
            created_at=created_at,
            read_at=to_datetime(row.get("read_at")),
            gig_id=row.get("gig_id"),
            application_id=row.get("application_id"),
            engagement_id=row.get("engagement_id"),
        )


@strawberry.type(description="A colleague on a gig vouching for a skill they saw.")
class Endorsement:
    id: strawberry.ID
    created_at: datetime | None
    comment: str | None
    endorser_id: strawberry.ID
    endorser_name: str | None
    person_id: strawberry.ID
    gig_id: strawberry.ID
    gig_title: str | None
    skill: Skill

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            id=strawberry.ID(row["id"]),
            created_at=to_datetime(row.get("created_at")),
            comment=row.get("comment"),
            endorser_id=strawberry.ID(row["endorser_id"]),
            endorser_name=row.get("endorser_name"),
            person_id=strawberry.ID(row["person_id"]),
            gig_id=strawberry.ID(row["gig_id"]),
            gig_title=row.get("gig_title"),
            skill=Skill.from_row(row["skill"]),
        )


@strawberry.type(description="A skill a person holds, with when it was last confirmed.")
class ConfirmedSkill:
    skill: Skill
    proficiency: int
    validated: bool
    source: str
    confirmed_at: datetime | None
    stale: bool = strawberry.field(
        description="Not confirmed within TALENTGRAPH_POLICY_STALE_SKILL_MONTHS (default 12)."
    )

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            skill=Skill.from_row(row["skill"]),
            proficiency=int(row.get("proficiency") or 0),
            validated=bool(row.get("validated", False)),
            source=row.get("source") or "self",
            confirmed_at=to_datetime(row.get("confirmed_at")),
            stale=bool(row["stale"]),
        )


@strawberry.type(description="A person's gig record: what they did, who vouched, what is stale.")
class GigProfile:
    person: Person
    completed_gigs: list[Engagement]
    endorsements: list[Endorsement]
    skills: list[ConfirmedSkill]

    @strawberry.field(description="Skills not confirmed recently.")
    def stale_skills(self) -> list[ConfirmedSkill]:
        return [skill for skill in self.skills if skill.stale]

    @strawberry.field(description="Some skill is stale: the profile asks for a refresh.")
    def needs_refresh(self) -> bool:
        return any(skill.stale for skill in self.skills)

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            person=Person.from_row(row),
            completed_gigs=[Engagement.from_row(e) for e in row["completed"]],
            endorsements=[Endorsement.from_row(e) for e in row["endorsements"]],
            skills=[ConfirmedSkill.from_row(s) for s in row["skills"]],
        )


@strawberry.type(description="A completed gig where someone helped another department.")
class SuccessStory:
    engagement: Engagement
    helper_department: str
    gig_department: str
    hours_worked: float
    estimated_savings: float = strawberry.field(
        description="Hours worked x the gig's external hourly rate."
    )
    skills_grown: list[DemonstratedSkill]

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            engagement=Engagement.from_row(row),
            helper_department=row["helper_department"],
            gig_department=row["gig_department"],
            hours_worked=float(row.get("hours_worked") or 0.0),
            estimated_savings=float(row["estimated_savings"]),
            skills_grown=[DemonstratedSkill.from_row(d) for d in row["demonstrated"]],
        )


@strawberry.type(description="The applications after a batch of approval decisions.")
class ApprovalBatch:
    applications: list[Application]


@strawberry.type(description="What one run of overdue processing did.")
class OverdueApprovals:
    escalated: list[Application]
    auto_approved: list[Application]

    @classmethod
    def from_outcome(cls, outcome: workflow.OverdueOutcome) -> Self:
        return cls(
            escalated=[Application.from_row(row) for row in outcome.escalated],
            auto_approved=[Application.from_row(row) for row in outcome.auto_approved],
        )


ApplicationResult = Annotated[
    Application | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("ApplicationResult"),
]
ApprovalBatchResult = Annotated[
    ApprovalBatch | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("ApprovalBatchResult"),
]
EngagementResult = Annotated[
    Engagement | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("EngagementResult"),
]
EndorsementResult = Annotated[
    Endorsement | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("EndorsementResult"),
]
OverdueResult = Annotated[
    OverdueApprovals | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("OverdueResult"),
]


@strawberry.type(description="The application after the change, or why nothing changed.")
class ApplicationPayload:
    result: ApplicationResult


@strawberry.type(description="Every decided application, or why none was decided.")
class ApprovalBatchPayload:
    result: ApprovalBatchResult


@strawberry.type(description="The engagement after the change, or why nothing changed.")
class EngagementPayload:
    result: EngagementResult


@strawberry.type
class EndorsementPayload:
    result: EndorsementResult


@strawberry.type
class OverduePayload:
    result: OverdueResult


@strawberry.type
class MarkNotificationsReadPayload:
    marked: int


@strawberry.input
class ApprovalDecisionInput:
    application_id: strawberry.ID
    approve: bool
    reason: str | None = strawberry.field(default=None, description="Required when declining.")

    def to_value(self) -> workflow.ApprovalDecision:
        return workflow.ApprovalDecision(self.application_id, self.approve, self.reason)


@strawberry.input
class DemonstratedSkillInput:
    skill_id: strawberry.ID
    level: int = strawberry.field(description="1-5, the level shown on the gig.")


@strawberry.input
class CompleteEngagementInput:
    engagement_id: strawberry.ID
    hours_worked: float
    rating: int = strawberry.field(description="1-5")
    feedback: str
    skills: list[DemonstratedSkillInput] = strawberry.field(default_factory=list)

    def to_value(self) -> workflow.Completion:
        return workflow.Completion(
            engagement_id=self.engagement_id,
            hours_worked=self.hours_worked,
            rating=self.rating,
            feedback=self.feedback,
            skills=[workflow.SkillEvidence(s.skill_id, s.level) for s in self.skills],
        )


async def application_payload(work: Awaitable[Row]) -> ApplicationPayload:
    return ApplicationPayload(result=await typed_result(work, Application.from_row))


async def engagement_payload(work: Awaitable[Row]) -> EngagementPayload:
    return EngagementPayload(result=await typed_result(work, Engagement.from_row))


@strawberry.type
class WorkflowQuery:
    @strawberry.field(description="One application, or null when there is none the viewer may see.")
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:
        row = await workflow.application(info.context, id)
        return Application.from_row(row) if row else None

    @strawberry.field(description="The viewer's applications and invitations, latest change first.")
    async def my_applications(self, info: Info) -> list[Application]:
        return [Application.from_row(r) for r in await workflow.my_applications(info.context)]

    @strawberry.field(
        description="A gig's applications: all of them for its owner and HR, else the viewer's own."
    )
    async def gig_applications(self, info: Info, gig_id: strawberry.ID) -> list[Application]:
        rows = await workflow.gig_applications(info.context, gig_id)
        return [Application.from_row(row) for row in rows]

    @strawberry.field(description="Approvals waiting for the viewer, oldest request first.")
    async def pending_approvals(self, info: Info) -> list[Application]:
        return [Application.from_row(r) for r in await workflow.pending_approvals(info.context)]

    @strawberry.field(
        description="Every recorded change of a gig (its owner and HR) or concerning a person "
        "(themselves and HR), oldest first; name exactly one."
    )
    async def audit_trail(
        self,
        info: Info,
        gig_id: strawberry.ID | None = None,
        person_id: strawberry.ID | None = None,
        first: int = 100,
    ) -> list[AuditEvent]:
        rows = await workflow.audit_trail(info.context, gig_id, person_id, first)
        return [AuditEvent.from_row(row) for row in rows]

    @strawberry.field(description="The viewer's notifications, newest first.")
    async def notifications(
        self, info: Info, unread_only: bool = False, first: int = 20
    ) -> list[Notification]:
        rows = await workflow.notifications(info.context, unread_only, first)
        return [Notification.from_row(row) for row in rows]

    @strawberry.field
    async def unread_notification_count(self, info: Info) -> int:
        return await workflow.unread_notification_count(info.context)

    @strawberry.field(
        description="A person's completed gigs, endorsements and skills with when each was last "
        "confirmed; null when there is no such person."
    )
    async def gig_profile(self, info: Info, person_id: strawberry.ID) -> GigProfile | None:
        row = await workflow.gig_profile(info.context, person_id)
        return GigProfile.from_row(row) if row else None

    @strawberry.field(
        description="Completed gigs where someone helped another department, latest first."
    )
    async def success_stories(self, info: Info, first: int = 10) -> list[SuccessStory]:
        rows = await workflow.success_stories(info.context, first)
        return [SuccessStory.from_row(row) for row in rows]


@strawberry.type
class WorkflowMutation:
    @strawberry.mutation(description="The viewer applies to an open gig, with a note.")
    async def apply_to_gig(
        self, info: Info, gig_id: strawberry.ID, note: str | None = None
    ) -> ApplicationPayload:
        return await application_payload(workflow.apply(info.context, gig_id, note))

    @strawberry.mutation(description="Owner: invites a candidate to an open gig.")
    async def invite_to_gig(
        self, info: Info, gig_id: strawberry.ID, person_id: strawberry.ID, note: str | None = None
    ) -> ApplicationPayload:
        return await application_payload(workflow.invite(info.context, gig_id, person_id, note))

    @strawberry.mutation(
        description="Invitee: accepts (to SHORTLISTED, asking the manager) or declines."
    )
    async def respond_to_invitation(
        self, info: Info, application_id: strawberry.ID, accept: bool, reason: str | None = None
    ) -> ApplicationPayload:
        action: workflow.Action = "accept_invitation" if accept else "decline_invitation"
        return await application_payload(
            workflow.transition(info.context, application_id, action, reason)
        )

    @strawberry.mutation(
        description="Owner: SUBMITTED to SHORTLISTED; asks the applicant's manager unless the "
        "policy needs no signature."
    )
    async def shortlist_application(
        self, info: Info, application_id: strawberry.ID
    ) -> ApplicationPayload:
        return await application_payload(
            workflow.transition(info.context, application_id, "shortlist", None)
        )

    @strawberry.mutation(description="Owner: SHORTLISTED to OFFERED, once the approval allows.")
    async def make_offer(self, info: Info, application_id: strawberry.ID) -> ApplicationPayload:
        return await application_payload(
            workflow.transition(info.context, application_id, "offer", None)
        )

    @strawberry.mutation(
        description="Applicant: OFFERED to ACCEPTED; starts the engagement, takes a seat and "
        "commits the hours, or returns Conflict when no seat or capacity is left."
    )
    async def accept_offer(self, info: Info, application_id: strawberry.ID) -> ApplicationPayload:
        return await application_payload(
            workflow.transition(info.context, application_id, "accept_offer", None)
        )

    @strawberry.mutation(description="Applicant: OFFERED to DECLINED.")
    async def decline_offer(
        self, info: Info, application_id: strawberry.ID, reason: str | None = None
    ) -> ApplicationPayload:
        return await application_payload(
            workflow.transition(info.context, application_id, "decline_offer", reason)
        )

    @strawberry.mutation(
        description="Applicant: withdraws a submitted, shortlisted or offered one."
    )
    async def withdraw_application(
        self, info: Info, application_id: strawberry.ID, reason: str | None = None
    ) -> ApplicationPayload:
        return await application_payload(
            workflow.transition(info.context, application_id, "withdraw", reason)
        )

    @strawberry.mutation(
        description="Owner: rejects an invitation or application; the reason is required and the "
        "applicant is told."
    )
    async def reject_application(
        self, info: Info, application_id: strawberry.ID, reason: str
    ) -> ApplicationPayload:
        return await application_payload(
            workflow.transition(info.context, application_id, "reject", reason)
        )

    @strawberry.mutation(
        description="Manager: approves or declines several applications at once, all or nothing: "
        "one refused decision leaves every application unchanged and names the refused one."
    )
    async def decide_approvals(
        self, info: Info, decisions: list[ApprovalDecisionInput]
    ) -> ApprovalBatchPayload:
        work = workflow.decide_approvals(info.context, [d.to_value() for d in decisions])
        return ApprovalBatchPayload(
            result=await typed_result(
                work,
                lambda rows: ApprovalBatch(
                    applications=[Application.from_row(row) for row in rows]
                ),
            )
        )

    @strawberry.mutation(
        description="HR/admin: escalates or auto-approves approvals unanswered within the policy's "
        "timeout (idempotent); `now` defaults to the current time."
    )
    async def process_overdue_approvals(
        self, info: Info, now: datetime | None = None
    ) -> OverduePayload:
        work = workflow.process_overdue(info.context, now)
        return OverduePayload(result=await typed_result(work, OverdueApprovals.from_outcome))

    @strawberry.mutation(
        description="Owner: completes an engagement with hours, rating, feedback and the level "
        "shown per skill (validated proficiency, never lowered)."
    )
    async def complete_engagement(
        self, info: Info, input: CompleteEngagementInput
    ) -> EngagementPayload:
        return await engagement_payload(
            workflow.complete_engagement(info.context, input.to_value())
        )

    @strawberry.mutation(
        description="Owner or helper: ends an active engagement early, with a reason; its hours "
        "and seat are free again."
    )
    async def cancel_engagement(
        self, info: Info, engagement_id: strawberry.ID, reason: str
    ) -> EngagementPayload:
        return await engagement_payload(
            workflow.cancel_engagement(info.context, engagement_id, reason)
        )

    @strawberry.mutation(description="Helper: their rating and feedback on the gig.")
    async def give_gig_feedback(
        self, info: Info, engagement_id: strawberry.ID, rating: int, feedback: str | None = None
    ) -> EngagementPayload:
        return await engagement_payload(
            workflow.give_gig_feedback(info.context, engagement_id, rating, feedback)
        )

    @strawberry.mutation(description="A colleague on a gig endorses a skill they saw.")
    async def endorse_skill(
        self,
        info: Info,
        gig_id: strawberry.ID,
        person_id: strawberry.ID,
        skill_id: strawberry.ID,
        comment: str | None = None,
    ) -> EndorsementPayload:
        work = workflow.endorse_skill(info.context, gig_id, person_id, skill_id, comment)
        return EndorsementPayload(result=await typed_result(work, Endorsement.from_row))

    @strawberry.mutation(description="Marks the named notifications read, or all when ids is null.")
    async def mark_notifications_read(
        self, info: Info, ids: list[strawberry.ID] | None = None
    ) -> MarkNotificationsReadPayload:
        marked = await workflow.mark_notifications_read(
            info.context, [str(id) for id in ids] if ids is not None else None
        )
        return MarkNotificationsReadPayload(marked=marked)


@strawberry.type
class WorkflowSubscription:
    @strawberry.subscription(
        description="The viewer's unread notifications, then each new one as it arrives."
    )
    async def notifications(self, info: Info) -> AsyncGenerator[Notification, None]:
        poll_s = policy_settings().notification_poll_s
        async for row in workflow.notification_stream(info.context, poll_s):
            yield Notification.from_row(row)
