"""GraphQL types and mutations of engagements: completion with the skills shown, cancellation,
the helper's feedback, endorsements."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from graph.database import Row
from graph.values import to_datetime
from resolvers.context import Info
from resolvers.records.gigs import GigRecord
from resolvers.records.people import PersonRecord
from resolvers.records.skills import SkillRecord
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
    def from_row(cls, row: Row) -> Self:
        return cls(
            skill=Skill.from_record(SkillRecord.from_row(row["skill"])),
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
            person=Person.from_record(PersonRecord.from_row(row["person"])),
            gig=Gig.from_record(GigRecord.from_row(row["gig"])),
            demonstrated=[DemonstratedSkill.from_row(d) for d in row.get("demonstrated") or []],
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
            skill=Skill.from_record(SkillRecord.from_row(row["skill"])),
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
            engagements.complete_engagement(info.context, input.to_value()), Engagement.from_row
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
            Engagement.from_row,
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
            Engagement.from_row,
        )

    @strawberry.mutation(
        graphql_type=EndorsementPayload,
        description="A colleague on a gig endorses a skill they saw.",
    )
    async def endorse_skill(self, info: Info, input: EndorseSkillInput) -> Payload[Endorsement]:
        work = engagements.endorse_skill(
            info.context, input.gig_id, input.person_id, input.skill_id, input.comment
        )
        return await payload(work, Endorsement.from_row)
