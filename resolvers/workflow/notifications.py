"""The viewer's notifications: reading, counting, marking read, and the stream subscriptions
follow."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

from resolvers.context import Context
from resolvers.records.workflow import NotificationRecord
from resolvers.validation import check_first
from resolvers.workflow.clock import now_utc


async def notifications(
    ctx: Context, unread_only: bool, first: int, since: datetime | None = None
) -> list[NotificationRecord]:
    rows = await ctx.db.read(
        "workflow/notifications",
        person_id=ctx.viewer.person_id,
        unread_only=unread_only,
        since=since,
        first=check_first(first, ctx.settings),
    )
    return [NotificationRecord.from_row(row["notification"]) for row in rows]


async def unread_notification_count(ctx: Context) -> int:
    rows = await ctx.db.read("workflow/unread_notification_count", person_id=ctx.viewer.person_id)
    return int(rows[0]["unread"])


async def mark_notifications_read(ctx: Context, ids: list[str] | None) -> int:
    rows = await ctx.db.write(
        "workflow/mark_notifications_read",
        person_id=ctx.viewer.person_id,
        ids=ids,
        now=now_utc(),
    )
    return int(rows[0]["marked"])


async def notification_stream(ctx: Context, poll_s: float) -> AsyncIterator[NotificationRecord]:
    """The viewer's unread notifications, oldest first, then each new one as it arrives. The
    service keeps no state, so this polls Neo4j every `poll_s` seconds; a look-back window of a
    minute catches transactions that committed after a later one, and ids seen are skipped."""
    look_back = timedelta(seconds=60)
    seen: dict[str, datetime] = {}
    since: datetime | None = None
    unread_only = True
    while True:
        polled_at = now_utc()
        rows = await notifications(ctx, unread_only, ctx.settings.max_page_size, since)
        for notification in reversed(rows):
            if notification.id not in seen:
                seen[notification.id] = notification.created_at
                yield notification
        since = polled_at - look_back
        seen = {id: at for id, at in seen.items() if at >= since}
        unread_only = False
        await asyncio.sleep(poll_s)
