"""GraphQL types and mutations of engagements: completion with the skills shown, cancellation,
the helper's feedback, endorsements."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.records.workflow import DemonstratedSkillRecord, EndorsementRecord, EngagementRecord
from resolvers.workflow import (
    engagements,
)
from schema.gigs import Gig
from schema.payloads import Payload, payload, payload_type
from schema.people import Person
from schema.skills import Skill
from schema.vocabulary import EngagementStatus


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
    def from_record(cls, record: DemonstratedSkillRecord) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            level=record.level,
            previous_level=record.previous_level,
            was_aspiration=record.was_aspiration,
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
    def from_record(cls, record: EngagementRecord) -> Self:
        approver_id = record.approver_id
        return cls(
            id=strawberry.ID(record.id),
            status=record.status,
            hours_per_week=record.hours_per_week,
            started_at=record.started_at,
            completed_at=record.completed_at,
            hours_worked=record.hours_worked,
            rating=record.rating,
            feedback=record.feedback,
            helper_rating=record.helper_rating,
            helper_feedback=record.helper_feedback,
            cancelled_at=record.cancelled_at,
            cancellation_reason=record.cancellation_reason,
            approver_id=strawberry.ID(approver_id) if approver_id is not None else None,
            approval_requested_at=record.approval_requested_at,
            approval_decided_at=record.approval_decided_at,
            person=Person.from_record(record.person),
            gig=Gig.from_record(record.gig),
            demonstrated=[DemonstratedSkill.from_record(d) for d in record.demonstrated],
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
    def from_record(cls, record: EndorsementRecord) -> Self:
        return cls(
            id=strawberry.ID(record.id),
            created_at=record.created_at,
            comment=record.comment,
            endorser_id=strawberry.ID(record.endorser_id),
            endorser_name=record.endorser_name,
            person_id=strawberry.ID(record.person_id),
            gig_id=strawberry.ID(record.gig_id),
            gig_title=record.gig_title,
            skill=Skill.from_record(record.skill),
        )


EngagementPayload = payload_type(
    Engagement, "Engagement", "The engagement after the change, or why nothing changed."
)
EndorsementPayload = payload_type(Endorsement, "Endorsement")


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

    def to_value(self) -> engagements.Completion:
        return engagements.Completion(
            engagement_id=self.engagement_id,
            hours_worked=self.hours_worked,
            rating=self.rating,
            feedback=self.feedback,
            skills=[engagements.SkillEvidence(s.skill_id, s.level) for s in self.skills],
        )


@strawberry.input(description="The engagement ended early, and why: the other side is told.")
class CancelEngagementInput:
    engagement_id: strawberry.ID
    reason: str


@strawberry.input
class GiveGigFeedbackInput:
    engagement_id: strawberry.ID
    rating: int = strawberry.field(description="1-5")
    feedback: str | None = None


@strawberry.input
class EndorseSkillInput:
    gig_id: strawberry.ID
    person_id: strawberry.ID
    skill_id: strawberry.ID
    comment: str | None = None


@strawberry.type
class EngagementsMutation:
    @strawberry.mutation(
        graphql_type=EngagementPayload,
        description="Owner: completes an engagement with hours, rating, feedback and the level "
        "shown per skill (validated proficiency, never lowered).",
    )
    async def complete_engagement(
        self, info: Info, input: CompleteEngagementInput
    ) -> Payload[Engagement]:
        return await payload(
            engagements.complete_engagement(info.context, input.to_value()), Engagement.from_record
        )

    @strawberry.mutation(
        graphql_type=EngagementPayload,
        description="Owner or helper: ends an active engagement early, with a reason; its hours "
        "and seat are free again.",
    )
    async def cancel_engagement(
        self, info: Info, input: CancelEngagementInput
    ) -> Payload[Engagement]:
        return await payload(
            engagements.cancel_engagement(info.context, input.engagement_id, input.reason),
            Engagement.from_record,
        )

    @strawberry.mutation(
        graphql_type=EngagementPayload, description="Helper: their rating and feedback on the gig."
    )
    async def give_gig_feedback(
        self, info: Info, input: GiveGigFeedbackInput
    ) -> Payload[Engagement]:
        return await payload(
            engagements.give_gig_feedback(
                info.context, input.engagement_id, input.rating, input.feedback
            ),
            Engagement.from_record,
        )

    @strawberry.mutation(
        graphql_type=EndorsementPayload,
        description="A colleague on a gig endorses a skill they saw.",
    )
    async def endorse_skill(self, info: Info, input: EndorseSkillInput) -> Payload[Endorsement]:
        work = engagements.endorse_skill(
            info.context, input.gig_id, input.person_id, input.skill_id, input.comment
        )
        return await payload(work, Endorsement.from_record)
