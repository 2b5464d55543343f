"""Notifications: the type, the viewer's list and count, marking read, the subscription."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Self

import strawberry

from graph.vocabulary import NotificationKind, values
from resolvers.context import Info
from resolvers.records.workflow import NotificationRecord
from resolvers.workflow import (
    notifications,
)


@strawberry.type(description="Something that needs the viewer, or that they should know.")
class Notification:
    id: strawberry.ID
    kind: str = strawberry.field(description=", ".join(values(NotificationKind)))
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
    def from_record(cls, record: NotificationRecord) -> Self:
        return cls(
            id=strawberry.ID(record.id),
            kind=record.kind,
            message=record.message,
            created_at=record.created_at,
            read_at=record.read_at,
            gig_id=_id(record.gig_id),
            application_id=_id(record.application_id),
            engagement_id=_id(record.engagement_id),
        )


def _id(value: str | None) -> strawberry.ID | None:
    return strawberry.ID(value) if value is not None else None


@strawberry.type
class MarkNotificationsReadPayload:
    marked: int


@strawberry.type
class NotificationsQuery:
    @strawberry.field(description="The viewer's notifications, newest first.")
    async def notifications(
        self, info: Info, unread_only: bool = False, first: int = 20
    ) -> list[Notification]:
        found = await notifications.notifications(info.context, unread_only, first)
        return [Notification.from_record(notification) for notification in found]

    @strawberry.field
    async def unread_notification_count(self, info: Info) -> int:
        return await notifications.unread_notification_count(info.context)


@strawberry.input
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The notifications to mark read; all when null."
    )


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(description="Marks the named notifications read, or all when ids is null.")
    async def mark_notifications_read(
        self, info: Info, input: MarkNotificationsReadInput | None = None
    ) -> MarkNotificationsReadPayload:
        ids = input.ids if input else None
        marked = await notifications.mark_notifications_read(
            info.context, [str(id) for id in ids] if ids is not None else None
        )
        return MarkNotificationsReadPayload(marked=marked)


@strawberry.type
class NotificationsSubscription:
    @strawberry.subscription(
        description="The viewer's unread notifications, then each new one as it arrives."
    )
    async def notifications(self, info: Info) -> AsyncGenerator[Notification, None]:
        poll_s = info.context.settings.policy.notification_poll_s
        async for notification in notifications.notification_stream(info.context, poll_s):
            yield Notification.from_record(notification)
