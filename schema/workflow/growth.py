"""What a person's gigs add up to: the gig profile and success stories."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.records.workflow import (
    ColleagueRecord,
    ConfirmedSkillRecord,
    GigProfileRecord,
    SuccessStoryRecord,
)
from resolvers.workflow import (
    growth,
)
from schema.gigs import Gig
from schema.people import Person
from schema.skills import Skill
from schema.workflow.engagements import DemonstratedSkill, Endorsement, Engagement


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
    def from_record(cls, record: ConfirmedSkillRecord) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            proficiency=record.proficiency,
            validated=record.validated,
            source=record.source,
            confirmed_at=record.confirmed_at,
            stale=record.stale,
        )


@strawberry.type(
    description="Someone who worked on the same completed gigs as the person, and on which: "
    "each of them may endorse a skill the other showed there."
)
class Colleague:
    person: Person
    gigs: list[Gig] = strawberry.field(description="The gigs both completed, latest first.")

    @classmethod
    def from_record(cls, record: ColleagueRecord) -> Self:
        return cls(
            person=Person.from_record(record.person),
            gigs=[Gig.from_record(gig) for gig in record.gigs],
        )


@strawberry.type(description="A person's gig record: what they did, who vouched, what is stale.")
class GigProfile:
    person: Person
    completed_gigs: list[Engagement]
    endorsements: list[Endorsement]
    skills: list[ConfirmedSkill]
    colleagues: list[Colleague] = strawberry.field(
        description="Colleagues on the same completed gigs, by name."
    )

    @strawberry.field(description="Skills not confirmed recently.")
    def stale_skills(self) -> list[ConfirmedSkill]:
        return [skill for skill in self.skills if skill.stale]

    @strawberry.field(description="Some skill is stale: the profile asks for a refresh.")
    def needs_refresh(self) -> bool:
        return any(skill.stale for skill in self.skills)

    @classmethod
    def from_record(cls, record: GigProfileRecord) -> Self:
        return cls(
            person=Person.from_record(record.person),
            completed_gigs=[Engagement.from_record(e) for e in record.completed],
            endorsements=[Endorsement.from_record(e) for e in record.endorsements],
            skills=[ConfirmedSkill.from_record(s) for s in record.skills],
            colleagues=[Colleague.from_record(c) for c in record.colleagues],
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
    def from_record(cls, record: SuccessStoryRecord) -> Self:
        return cls(
            engagement=Engagement.from_record(record.engagement),
            helper_department=record.helper_department,
            gig_department=record.gig_department,
            hours_worked=record.hours_worked,
            estimated_savings=record.estimated_savings,
            skills_grown=[DemonstratedSkill.from_record(d) for d in record.skills_grown],
        )


@strawberry.type
class GrowthQuery:
    @strawberry.field(
        description="A person's completed gigs, endorsements and skills with when each was last "
        "confirmed; null when there is no such person."
    )
    async def gig_profile(self, info: Info, person_id: strawberry.ID) -> GigProfile | None:
        profile = await growth.gig_profile(info.context, person_id)
        return GigProfile.from_record(profile) if profile else None

    @strawberry.field(
        description="Completed gigs where someone helped another department, latest first."
    )
    async def success_stories(self, info: Info, first: int = 10) -> list[SuccessStory]:
        stories = await growth.success_stories(info.context, first)
        return [SuccessStory.from_record(story) for story in stories]
