"""Every closed vocabulary of the graph, defined once: the values a property may take.

The imports validate against these (`seed.org_import`), the resolvers check input and decide with
them, and the GraphQL enums of `schema/vocabulary.py` are made from them, so a new value is added
here and nowhere else. Each is a `StrEnum`: its members are the strings stored in Neo4j.
"""

from __future__ import annotations

from enum import StrEnum


class GigType(StrEnum):
    PROJECT = "project"
    SECONDMENT = "secondment"
    MICRO_TASK = "micro_task"
    MENTORSHIP = "mentorship"


class GigStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    FILLED = "filled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Importance(StrEnum):
    """How much a gig needs a skill (`REQUIRES.importance`)."""

    REQUIRED = "required"
    NICE_TO_HAVE = "nice_to_have"
    LEARNABLE = "learnable"


class SkillSource(StrEnum):
    """Where a skill on a profile comes from (`HAS_SKILL.source`)."""

    SELF = "self"
    HRIS = "hris"
    MANAGER = "manager"
    GIG_FEEDBACK = "gig_feedback"


class Visibility(StrEnum):
    """Who sees an aspiration (`ASPIRES_TO.visibility`)."""

    MATCHING = "matching"
    PRIVATE = "private"


class ApplicationState(StrEnum):
    INVITED = "invited"
    SUBMITTED = "submitted"
    SHORTLISTED = "shortlisted"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    WITHDRAWN = "withdrawn"
    DECLINED = "declined"
    REJECTED = "rejected"


class ApplicationOrigin(StrEnum):
    APPLICATION = "application"
    INVITATION = "invitation"


class ApprovalState(StrEnum):
    NOT_REQUESTED = "not_requested"
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    NOT_NEEDED = "not_needed"
    AUTO_APPROVED = "auto_approved"
    ESCALATED = "escalated"


class EngagementStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class AuditSubject(StrEnum):
    """What an `AuditEvent` is about."""

    APPLICATION = "application"
    APPROVAL = "approval"
    ENGAGEMENT = "engagement"
    GIG = "gig"


class NotificationKind(StrEnum):
    APPLICATION_RECEIVED = "application_received"
    INVITED = "invited"
    INVITATION_ACCEPTED = "invitation_accepted"
    SHORTLISTED = "shortlisted"
    APPROVAL_REQUESTED = "approval_requested"
    APPROVED = "approved"
    APPROVAL_DECLINED = "approval_declined"
    OFFER_MADE = "offer_made"
    OFFER_ACCEPTED = "offer_accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"
    GIG_FILLED = "gig_filled"
    FEEDBACK_RECEIVED = "feedback_received"
    GIG_FEEDBACK = "gig_feedback"
    ENDORSED = "endorsed"
    ENGAGEMENT_CANCELLED = "engagement_cancelled"
    APPROVAL_OUTCOME = "approval_outcome"
    SURVEY_DUE = "survey_due"


class SurveySchedule(StrEnum):
    """When a survey is due: after a completed gig, or while the quarter's round is open."""

    AFTER_GIG = "after_gig"
    QUARTERLY = "quarterly"


class SurveyAudience(StrEnum):
    """To whom: a completed engagement's helper, a completed gig's owner, everyone, managers."""

    HELPERS = "helpers"
    OWNERS = "owners"
    EVERYONE = "everyone"
    MANAGERS = "managers"


class SurveyMeasure(StrEnum):
    """What a survey's answers measure in the analytics."""

    ENGAGEMENT = "engagement"
    MANAGER_SENTIMENT = "manager_sentiment"
    GIG_EXPERIENCE = "gig_experience"


class QuestionKind(StrEnum):
    """SCALE: 1 to 5; NPS: 0 to 10 (how likely to recommend); COMMENT: free text."""

    SCALE = "scale"
    NPS = "nps"
    COMMENT = "comment"


class DeliveryChannel(StrEnum):
    """Where a notification is delivered (`Delivery.channel`, `NotificationPreference.channel`)."""

    EMAIL = "email"
    SLACK = "slack"
    TEAMS = "teams"


class DeliveryMode(StrEnum):
    """How a kind of notification reaches a person on a channel (`NotificationPreference.mode`):
    at once, in the daily digest, or not at all."""

    INSTANT = "instant"
    DIGEST = "digest"
    OFF = "off"


def values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The stored strings of a vocabulary, in its order."""
    return tuple(member.value for member in vocabulary)
