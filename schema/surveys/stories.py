"""GraphQL types and fields of success stories told with consent."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from graph.errors import ValidationFailed
from resolvers.context import Info
from resolvers.surveys import champions, stories
from schema.payloads import Payload, payload, payload_type
from schema.surveys.pulses import now_utc


@strawberry.type(
    description="A completed gig told by its helper and its owner: what was done, for whom, the "
    "hours and the savings, never a rating. Published only while both agree."
)
class Story:
    id: strawberry.ID
    engagement_id: strawberry.ID
    gig_id: strawberry.ID
    gig_title: str
    gig_description: str | None
    helper_id: strawberry.ID
    helper_name: str
    helper_department: str | None
    owner_id: strawberry.ID
    owner_name: str
    gig_department: str | None
    hours_worked: float
    estimated_savings: float = strawberry.field(
        description="Hours worked x the gig's external hourly rate."
    )
    helper_line: str | None
    owner_line: str | None
    helper_consent: bool
    owner_consent: bool
    published: bool
    published_at: datetime | None
    completed_at: datetime | None

    @classmethod
    def from_value(cls, story: stories.Story) -> Self:
        return cls(
            id=strawberry.ID(story.id),
            engagement_id=strawberry.ID(story.engagement_id),
            gig_id=strawberry.ID(story.gig_id),
            gig_title=story.gig_title,
            gig_description=story.gig_description,
            helper_id=strawberry.ID(story.helper_id),
            helper_name=story.helper_name,
            helper_department=story.helper_department,
            owner_id=strawberry.ID(story.owner_id),
            owner_name=story.owner_name,
            gig_department=story.gig_department,
            hours_worked=story.hours_worked,
            estimated_savings=story.estimated_savings,
            helper_line=story.helper_line,
            owner_line=story.owner_line,
            helper_consent=story.helper_consent,
            owner_consent=story.owner_consent,
            published=story.published_at is not None,
            published_at=story.published_at,
            completed_at=story.completed_at,
        )


@strawberry.input(description="The viewer's line of a gig's story and whether it may be published.")
class TellStoryInput:
    engagement_id: strawberry.ID
    consent: bool
    line: str | None = strawberry.field(
        default=None, description="In your own words; null keeps the line written before."
    )


@strawberry.input(description="Whether HR may list the viewer as a champion.")
class SetChampionOptOutInput:
    opt_out: bool


TellStoryPayload = payload_type(Story, "TellStory", "The story after the change, or why not.")


@strawberry.type(description="Whether HR may list the viewer as a champion.")
class ChampionPreference:
    opt_out: bool


ChampionPreferencePayload = payload_type(
    ChampionPreference, "ChampionPreference", "The viewer's choice as stored."
)


@strawberry.type
class StoriesQuery:
    @strawberry.field(
        description="Success stories: published ones for everyone; unpublished ones for the "
        "people in them, their managers and HR. Newest first. `mine`: only those the viewer "
        "tells (as the helper or the owner); `gigId`: only those of that gig."
    )
    async def stories(
        self,
        info: Info,
        published_only: bool = False,
        first: int = 20,
        mine: bool = False,
        gig_id: strawberry.ID | None = None,
    ) -> list[Story]:
        if not 1 <= first <= stories.MAX_STORIES:
            raise ValidationFailed("first", f"must be between 1 and {stories.MAX_STORIES}")
        found = await stories.stories(
            info.context.db,
            info.context.viewer,
            published_only=published_only,
            mine=mine,
            gig_id=None if gig_id is None else str(gig_id),
            first=first,
        )
        return [Story.from_value(s) for s in found]

    @strawberry.field(description="Whether the viewer opted out of the champions list.")
    async def champion_preference(self, info: Info) -> ChampionPreference:
        return ChampionPreference(
            opt_out=await champions.opt_out(info.context.db, info.context.viewer)
        )


@strawberry.type
class StoriesMutation:
    @strawberry.mutation(
        graphql_type=TellStoryPayload,
        description="The helper or the owner of a completed gig writes their line of its story "
        "and gives (or withdraws) consent; published once both agree.",
    )
    async def tell_story(self, info: Info, input: TellStoryInput) -> Payload[Story]:
        ctx = info.context
        work = stories.tell_story(
            ctx.db, ctx.viewer, str(input.engagement_id), input.line, input.consent, now_utc()
        )
        return await payload(work, Story.from_value)

    @strawberry.mutation(
        graphql_type=ChampionPreferencePayload,
        description="The viewer opts out of (or back into) the champions list.",
    )
    async def set_champion_opt_out(
        self, info: Info, input: SetChampionOptOutInput
    ) -> Payload[ChampionPreference]:
        work = champions.set_opt_out(info.context.db, info.context.viewer, input.opt_out)
        return await payload(work, lambda value: ChampionPreference(opt_out=value))
