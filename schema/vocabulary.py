"""The GraphQL enums of the graph's vocabularies, made from `graph.vocabulary` (never redefined):
a value added there is a value of the API. Member names are the GraphQL values (`MICRO_TASK`),
member values what Neo4j stores (`micro_task`)."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from graph.vocabulary import (
    ApplicationOrigin,
    ApplicationState,
    ApprovalState,
    DeliveryChannel,
    DeliveryMode,
    EngagementStatus,
    GigStatus,
    GigType,
    Importance,
    NotificationKind,
    QuestionKind,
    SkillSource,
    SurveyAudience,
    SurveyMeasure,
    SurveySchedule,
    Visibility,
)

__all__ = [
    "ApplicationOrigin",
    "ApplicationState",
    "ApprovalState",
    "DeliveryChannel",
    "DeliveryMode",
    "EngagementStatus",
    "GigStatus",
    "GigType",
    "Importance",
    "NotificationKind",
    "QuestionKind",
    "SkillSource",
    "SurveyAudience",
    "SurveyMeasure",
    "SurveySchedule",
    "Visibility",
]

strawberry.enum(GigType)
strawberry.enum(GigStatus)
strawberry.enum(
    Importance,
    description="REQUIRED: needed from day one; NICE_TO_HAVE: a plus; LEARNABLE: can be "
    "learnt on the gig (what people who aspire to the skill look for).",
)
strawberry.enum(
    Visibility,
    description="Who sees an aspiration: MATCHING uses it for matching and shows it to gig "
    "owners; PRIVATE only recommends gigs to the person and is seen by them, their manager and HR.",
)
strawberry.enum(SkillSource, description="Where a skill on a profile comes from.")
strawberry.enum(ApplicationState)
strawberry.enum(ApplicationOrigin)
strawberry.enum(
    ApprovalState,
    description="NOT_REQUESTED until shortlisting; then PENDING (the manager is asked), "
    "NOT_NEEDED (policy: no signature), ESCALATED (to the manager's manager after the timeout), "
    "APPROVED, DECLINED or AUTO_APPROVED (nobody answered in time).",
)
strawberry.enum(EngagementStatus)
strawberry.enum(NotificationKind, description="What a notification is about.")
strawberry.enum(DeliveryChannel, description="Where a notification is delivered.")
strawberry.enum(
    DeliveryMode,
    description="How a kind of notification reaches a person on a channel: INSTANT, in the "
    "daily DIGEST, or OFF.",
)
strawberry.enum(
    SurveySchedule,
    description="AFTER_GIG: due for a while after a completed gig; QUARTERLY: while the "
    "quarter's round is open.",
)
strawberry.enum(SurveyAudience)
strawberry.enum(SurveyMeasure, description="What a survey's answers measure in the analytics.")
strawberry.enum(
    QuestionKind,
    description="SCALE: 1 to 5; NPS: 0 to 10 (how likely to recommend); COMMENT: text.",
)

ENUMS: tuple[type[StrEnum], ...] = (
    GigType,
    GigStatus,
    Importance,
    Visibility,
    SkillSource,
    ApplicationState,
    ApplicationOrigin,
    ApprovalState,
    EngagementStatus,
    NotificationKind,
    DeliveryChannel,
    DeliveryMode,
    SurveySchedule,
    SurveyAudience,
    SurveyMeasure,
    QuestionKind,
)
"""Every GraphQL enum that stands for a vocabulary (the test checks each against its source)."""
