"""Success stories told with consent: the helper and the owner of a completed engagement each
write a line in their own words and say whether it may be published; it is published only while
both agree. Unpublished, a story is read by the people in it, their managers and HR; published,
by everyone: what was done, for whom, the hours and the savings, never a rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.database import Database, Row, Transaction
from graph.errors import InvalidTransition, NotFound
from resolvers.identity import Viewer
from resolvers.permissions import reads_every_story, require_storyteller
from resolvers.validation import check_text

MAX_LINE = 500
MAX_STORIES = 100


@dataclass(frozen=True)
class Story:
    id: str
    engagement_id: str
    gig_id: str
    gig_title: str
    gig_description: str | None
    helper_id: str
    helper_name: str
    helper_department: str | None
    owner_id: str
    owner_name: str
    gig_department: str | None
    hours_worked: float
    estimated_savings: float
    helper_line: str | None
    owner_line: str | None
    helper_consent: bool
    owner_consent: bool
    published_at: datetime | None
    completed_at: datetime | None

    @classmethod
    def from_row(cls, row: Row) -> Story:
        def native(value: Any) -> datetime | None:
            return value.to_native() if value is not None else None

        return cls(
            id=row["id"],
            engagement_id=row["engagement_id"],
            gig_id=row["gig"]["id"],
            gig_title=row["gig"]["title"],
            gig_description=row["gig"].get("description"),
            helper_id=row["helper"]["id"],
            helper_name=row["helper"]["name"],
            helper_department=row["helper_department"],
            owner_id=row["owner"]["id"],
            owner_name=row["owner"]["name"],
            gig_department=row["gig_department"],
            hours_worked=row["hours_worked"],
            estimated_savings=row["estimated_savings"],
            helper_line=row["helper_line"],
            owner_line=row["owner_line"],
            helper_consent=row["helper_consent"],
            owner_consent=row["owner_consent"],
            published_at=native(row["published_at"]),
            completed_at=native(row["completed_at"]),
        )


async def stories(
    db: Database,
    viewer: Viewer,
    *,
    published_only: bool = False,
    mine: bool = False,
    gig_id: str | None = None,
    first: int = 20,
    ids: list[str] | None = None,
) -> list[Story]:
    rows = await db.read(
        "stories/stories",
        viewer_id=viewer.person_id,
        every=reads_every_story(viewer),
        published_only=published_only,
        mine=mine,
        gig_id=gig_id,
        ids=ids,
        first=first,
    )
    return [Story.from_row(row["story"]) for row in rows]


async def tell_story(
    db: Database,
    viewer: Viewer,
    engagement_id: str,
    line: str | None,
    consent: bool,
    now: datetime,
) -> Story:
    """The viewer, the helper or the owner of a completed engagement, writes their line (None
    keeps the one written before) and gives or withdraws their consent to publish."""
    check_text("line", line, required=False, longest=MAX_LINE)
    cleaned = (line or "").strip() or None

    async def work(tx: Transaction) -> None:
        rows = await tx.run("stories/story_context", engagement_id=engagement_id)
        if not rows:
            raise NotFound("Engagement", engagement_id)
        context = rows[0]
        side = require_storyteller(viewer, context["helper_id"], context["owner_id"])
        if context["status"] != "completed":
            raise InvalidTransition("engagement", context["status"], "tell the story of")
        previous = (context["story"] or {}).get(f"{side}_line")
        await tx.run(
            "stories/tell_story",
            engagement_id=engagement_id,
            side=side,
            line=cleaned if line is not None else previous,
            consent=consent,
            now=now,
        )

    await db.in_write_transaction(work)
    (story,) = await stories(db, viewer, ids=[f"story-{engagement_id}"], first=1)
    return story
