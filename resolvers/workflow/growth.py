"""What a person's gigs add up to: their gig profile (with stale skills) and success stories."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from resolvers.context import Context
from resolvers.loaders import load_one
from resolvers.permissions import sees_engagement_feedback
from resolvers.records.workflow import EngagementRecord, GigProfileRecord, SuccessStoryRecord
from resolvers.validation import check_first
from resolvers.workflow.clock import now_utc


def is_stale(confirmed_at: datetime | None, now: datetime, months: int) -> bool:
    """A skill nobody confirmed within `months` (or ever) needs a refresh."""
    return confirmed_at is None or confirmed_at < now - timedelta(days=months * 365.25 / 12)


async def gig_profile(ctx: Context, person_id: str) -> GigProfileRecord | None:
    """Completed gigs, endorsements and skills with when each was last confirmed, `stale` for
    those older than the policy's `stale_skill_months`."""
    rows = await ctx.db.read("workflow/gig_profile", person_id=person_id)
    if not rows:
        return None
    months = ctx.settings.policy.stale_skill_months
    now = now_utc()
    profile = GigProfileRecord.from_row(
        rows[0]["profile"], lambda confirmed_at: is_stale(confirmed_at, now, months)
    )
    manager_id = await load_one(ctx, "people/managers_of_people", person_id, lambda r: str(r["id"]))
    if not sees_engagement_feedback(ctx.viewer, person_id, manager_id):
        profile = replace(profile, completed=[without_feedback(e) for e in profile.completed])
    return profile


async def success_stories(ctx: Context, first: int) -> list[SuccessStoryRecord]:
    check_first(first, ctx.settings)
    rows = await ctx.db.read("workflow/success_stories", first=first)
    # a story tells what was done and what it saved, not how the owner rated the helper
    stories = [SuccessStoryRecord.from_row(row["story"]) for row in rows]
    return [replace(story, engagement=without_feedback(story.engagement)) for story in stories]


def without_feedback(engagement: EngagementRecord) -> EngagementRecord:
    return replace(engagement, rating=None, feedback=None)
