"""GraphQL types and fields for notification delivery: the viewer's modes per kind and channel,
and their chat addresses."""

from __future__ import annotations

from typing import Self

import strawberry

from delivery import preferences as settings
from resolvers.context import Info
from schema.payloads import Payload, payload, payload_type
from schema.vocabulary import DeliveryChannel, DeliveryMode, NotificationKind


@strawberry.type(description="How one kind of notification reaches the viewer on one channel.")
class NotificationPreference:
    kind: NotificationKind
    channel: DeliveryChannel
    mode: DeliveryMode
    is_default: bool = strawberry.field(description="Not chosen: the documented default.")
    mandatory: bool = strawberry.field(
        description="Cannot be turned off by e-mail (approval requests: they escalate instead)."
    )

    @classmethod
    def from_record(cls, record: settings.Preference) -> Self:
        return cls(
            kind=record.kind,
            channel=record.channel,
            mode=record.mode,
            is_default=record.is_default,
            mandatory=record.mandatory,
        )


@strawberry.type(
    name="NotificationSettings",
    description="The viewer's notification settings: addresses and preferences.",
)
class NotificationSettingsType:
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
    kind: NotificationKind
    channel: DeliveryChannel
    mode: DeliveryMode

    def to_value(self) -> settings.PreferenceChoice:
        return settings.PreferenceChoice(self.kind, self.channel, self.mode)


@strawberry.input(description="The viewer's new modes; all are applied, or none.")
class SetNotificationPreferencesInput:
    preferences: list[NotificationPreferenceInput]


@strawberry.input(description="Chat addresses: null keeps one, an empty string removes it.")
class SetChatAddressesInput:
    slack_id: str | None = None
    teams_id: str | None = None


NotificationSettingsPayload = payload_type(
    NotificationSettingsType,
    "NotificationSettings",
    "The settings after the change, or why nothing changed.",
)


@strawberry.type
class DeliveryQuery:
    @strawberry.field(description="The viewer's notification settings.")
    async def notification_settings(self, info: Info) -> NotificationSettingsType:
        ctx = info.context
        record = await settings.notification_settings(ctx.db, ctx.viewer.person_id)
        return NotificationSettingsType.from_record(record)


@strawberry.type
class DeliveryMutation:
    @strawberry.mutation(
        graphql_type=NotificationSettingsPayload,
        description="Sets the viewer's modes for kinds and channels; all or nothing.",
    )
    async def set_notification_preferences(
        self, info: Info, input: SetNotificationPreferencesInput
    ) -> Payload[NotificationSettingsType]:
        ctx = info.context
        choices = [choice.to_value() for choice in input.preferences]
        work = settings.set_preferences(ctx.db, ctx.viewer.person_id, choices)
        return await payload(work, NotificationSettingsType.from_record)

    @strawberry.mutation(
        graphql_type=NotificationSettingsPayload,
        description="Sets the viewer's chat addresses; null keeps one, an empty string removes it.",
    )
    async def set_chat_addresses(
        self, info: Info, input: SetChatAddressesInput
    ) -> Payload[NotificationSettingsType]:
        ctx = info.context
        work = settings.set_chat_addresses(
            ctx.db, ctx.viewer.person_id, input.slack_id, input.teams_id
        )
        return await payload(work, NotificationSettingsType.from_record)
