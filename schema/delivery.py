"""GraphQL types and fields for notification delivery: the viewer's modes per kind and channel,
and their chat addresses."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Self

import strawberry

from delivery import preferences as settings
from resolvers.context import Info
from schema.errors import Conflict, Forbidden, NotFound, ValidationError, typed_result


@strawberry.enum(description="Where a notification is delivered.")
class NotificationChannel(Enum):
    EMAIL = "email"
    SLACK = "slack"
    TEAMS = "teams"


@strawberry.enum(
    description="How a kind of notification is delivered on a channel: at once, in the daily "
    "digest, or not at all."
)
class DeliveryMode(Enum):
    INSTANT = "instant"
    DIGEST = "digest"
    OFF = "off"


@strawberry.type(description="How one kind of notification reaches the viewer on one channel.")
class NotificationPreference:
    kind: str
    channel: NotificationChannel
    mode: DeliveryMode
    is_default: bool = strawberry.field(description="Not chosen: the documented default.")
    mandatory: bool = strawberry.field(
        description="Cannot be turned off by e-mail (approval requests: they escalate instead)."
    )

    @classmethod
    def from_record(cls, record: settings.Preference) -> Self:
        return cls(
            kind=record.kind,
            channel=NotificationChannel(record.channel),
            mode=DeliveryMode(record.mode),
            is_default=record.is_default,
            mandatory=record.mandatory,
        )


@strawberry.type(description="The viewer's notification settings: addresses and preferences.")
class NotificationSettings:
    email: str
    slack_id: str | None = strawberry.field(description="Slack member id, for mentions.")
    teams_id: str | None = strawberry.field(description="Teams user (sign-in address or id).")
    preferences: list[NotificationPreference] = strawberry.field(
        description="Every kind on every channel."
    )

    @classmethod
    def from_record(cls, record: settings.NotificationSettings) -> Self:
        return cls(
            email=record.email,
            slack_id=record.slack_id,
            teams_id=record.teams_id,
            preferences=[NotificationPreference.from_record(p) for p in record.preferences],
        )


@strawberry.input(description="A mode for one kind of notification on one channel.")
class NotificationPreferenceInput:
    kind: str
    channel: NotificationChannel
    mode: DeliveryMode

    def to_value(self) -> settings.PreferenceChoice:
        return settings.PreferenceChoice(self.kind, self.channel.value, self.mode.value)


NotificationSettingsResult = Annotated[
    NotificationSettings | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("NotificationSettingsResult"),
]


@strawberry.type(description="The settings after the change, or why nothing changed.")
class NotificationSettingsPayload:
    result: NotificationSettingsResult


@strawberry.type
class DeliveryQuery:
    @strawberry.field(description="The viewer's notification settings.")
    async def notification_settings(self, info: Info) -> NotificationSettings:
        ctx = info.context
        record = await settings.notification_settings(ctx.db, ctx.viewer.person_id)
        return NotificationSettings.from_record(record)


@strawberry.type
class DeliveryMutation:
    @strawberry.mutation(
        description="Sets the viewer's modes for kinds and channels; all or nothing."
    )
    async def set_notification_preferences(
        self, info: Info, preferences: list[NotificationPreferenceInput]
    ) -> NotificationSettingsPayload:
        ctx = info.context
        choices = [choice.to_value() for choice in preferences]
        work = settings.set_preferences(ctx.db, ctx.viewer.person_id, choices)
        return NotificationSettingsPayload(
            result=await typed_result(work, NotificationSettings.from_record)
        )

    @strawberry.mutation(
        description="Sets the viewer's chat addresses; null keeps one, an empty string removes it."
    )
    async def set_chat_addresses(
        self, info: Info, slack_id: str | None = None, teams_id: str | None = None
    ) -> NotificationSettingsPayload:
        ctx = info.context
        work = settings.set_chat_addresses(ctx.db, ctx.viewer.person_id, slack_id, teams_id)
        return NotificationSettingsPayload(
            result=await typed_result(work, NotificationSettings.from_record)
        )
