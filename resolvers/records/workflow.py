"""The workflow as the domain hands it over: engagements, endorsements, gig profiles and success
stories, audit events, notifications (frozen dataclasses), and applications, which a `TypedDict`
of their query's columns types because the workflow's own steps read them by key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import NotRequired, TypedDict, cast

from graph.database import Row
from graph.values import to_datetime, to_instant
from graph.vocabulary import EngagementStatus
from resolvers.records import each
from resolvers.records.gigs import GigRecord
from resolvers.records.people import PersonRecord
from resolvers.records.skills import SkillRecord


def _optional_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) else None


@dataclass(frozen=True)
class DemonstratedSkillRecord:
    """A skill shown on an engagement: the evidence behind skill growth."""

    skill: SkillRecord
    level: int
    previous_level: int
    was_aspiration: bool

    @classmethod
    def from_row(cls, row: Row) -> DemonstratedSkillRecord:
        return cls(
            skill=SkillRecord.from_row(row["skill"]),
            level=int(row["level"]),
            previous_level=int(row.get("previous_level") or 0),
            was_aspiration=bool(row.get("was_aspiration", False)),
        )


@dataclass(frozen=True)
class EngagementRecord:
    id: str
    status: EngagementStatus
    hours_per_week: float
    started_at: datetime | None
    completed_at: datetime | None
    hours_worked: float | None
    rating: int | None
    feedback: str | None
    helper_rating: int | None
    helper_feedback: str | None
    cancelled_at: datetime | None
    cancellation_reason: str | None
    approver_id: str | None
    approval_requested_at: datetime | None
    approval_decided_at: datetime | None
    person: PersonRecord
    gig: GigRecord
    demonstrated: list[DemonstratedSkillRecord]

    @classmethod
    def from_row(cls, row: Row) -> EngagementRecord:
        hours = row.get("hours_worked")
        return cls(
            id=str(row["id"]),
            status=EngagementStatus(row["status"]),
            hours_per_week=float(row.get("hours_per_week") or 0.0),
            started_at=to_datetime(row.get("started_at")),
            completed_at=to_datetime(row.get("completed_at")),
            hours_worked=float(hours) if hours is not None else None,
            rating=_optional_int(row.get("rating")),
            feedback=row.get("feedback"),
            helper_rating=_optional_int(row.get("helper_rating")),
            helper_feedback=row.get("helper_feedback"),
            cancelled_at=to_datetime(row.get("cancelled_at")),
            cancellation_reason=row.get("cancellation_reason"),
            approver_id=row.get("approver_id"),
            approval_requested_at=to_datetime(row.get("approval_requested_at")),
            approval_decided_at=to_datetime(row.get("approval_decided_at")),
            person=PersonRecord.from_row(row["person"]),
            gig=GigRecord.from_row(row["gig"]),
            demonstrated=each(DemonstratedSkillRecord.from_row)(row.get("demonstrated")),
        )


@dataclass(frozen=True)
class EndorsementRecord:
    id: str
    created_at: datetime | None
    comment: str | None
    endorser_id: str
    endorser_name: str | None
    person_id: str
    gig_id: str
    gig_title: str | None
    skill: SkillRecord

    @classmethod
    def from_row(cls, row: Row) -> EndorsementRecord:
        return cls(
            id=str(row["id"]),
            created_at=to_datetime(row.get("created_at")),
            comment=row.get("comment"),
            endorser_id=str(row["endorser_id"]),
            endorser_name=row.get("endorser_name"),
            person_id=str(row["person_id"]),
            gig_id=str(row["gig_id"]),
            gig_title=row.get("gig_title"),
            skill=SkillRecord.from_row(row["skill"]),
        )


@dataclass(frozen=True)
class ConfirmedSkillRecord:
    """A skill a person holds, with when it was last confirmed and whether that is too long
    ago (`stale`, by the policy's `stale_skill_months`)."""

    skill: SkillRecord
    proficiency: int
    validated: bool
    source: str
    confirmed_at: datetime | None
    stale: bool

    @classmethod
    def from_row(
        cls, row: Row, is_stale: Callable[[datetime | None], bool]
    ) -> ConfirmedSkillRecord:
        confirmed_at = to_datetime(row.get("confirmed_at"))
        return cls(
            skill=SkillRecord.from_row(row["skill"]),
            proficiency=int(row.get("proficiency") or 0),
            validated=bool(row.get("validated", False)),
            source=row.get("source") or "self",
            confirmed_at=confirmed_at,
            stale=is_stale(confirmed_at),
        )


@dataclass(frozen=True)
class ColleagueRecord:
    person: PersonRecord
    gigs: list[GigRecord]

    @classmethod
    def from_row(cls, row: Row) -> ColleagueRecord:
        return cls(
            person=PersonRecord.from_row(row["person"]),
            gigs=each(GigRecord.from_row)(row["gigs"]),
        )


@dataclass(frozen=True)
class GigProfileRecord:
    person: PersonRecord
    completed: list[EngagementRecord]
    endorsements: list[EndorsementRecord]
    skills: list[ConfirmedSkillRecord]
    colleagues: list[ColleagueRecord]

    @classmethod
    def from_row(cls, row: Row, is_stale: Callable[[datetime | None], bool]) -> GigProfileRecord:
        """From `workflow/gig_profile`; `is_stale` judges when each skill was last confirmed."""
        return cls(
            person=PersonRecord.from_row(row),
            completed=each(EngagementRecord.from_row)(row["completed"]),
            endorsements=each(EndorsementRecord.from_row)(row["endorsements"]),
            skills=[ConfirmedSkillRecord.from_row(skill, is_stale) for skill in row["skills"]],
            colleagues=each(ColleagueRecord.from_row)(row["colleagues"]),
        )


@dataclass(frozen=True)
class SuccessStoryRecord:
    engagement: EngagementRecord
    helper_department: str
    gig_department: str
    hours_worked: float
    estimated_savings: float
    skills_grown: list[DemonstratedSkillRecord]

    @classmethod
    def from_row(cls, row: Row) -> SuccessStoryRecord:
        return cls(
            engagement=EngagementRecord.from_row(row),
            helper_department=row["helper_department"],
            gig_department=row["gig_department"],
            hours_worked=float(row.get("hours_worked") or 0.0),
            estimated_savings=float(row["estimated_savings"]),
            skills_grown=each(DemonstratedSkillRecord.from_row)(row["demonstrated"]),
        )


@dataclass(frozen=True)
class AuditEventRecord:
    id: str
    at: datetime
    actor_id: str
    actor_name: str | None
    action: str
    subject: str
    subject_id: str
    from_state: str | None
    to_state: str
    reason: str | None
    gig_id: str
    person_id: str | None

    @classmethod
    def from_row(cls, row: Row) -> AuditEventRecord:
        return cls(
            id=str(row["id"]),
            at=to_instant(row["at"]),
            actor_id=row["actor_id"],
            actor_name=row.get("actor_name"),
            action=row["action"],
            subject=row["subject"],
            subject_id=str(row["subject_id"]),
            from_state=row.get("from_state"),
            to_state=row["to_state"],
            reason=row.get("reason"),
            gig_id=str(row["gig_id"]),
            person_id=row.get("person_id"),
        )


@dataclass(frozen=True)
class NotificationRecord:
    id: str
    kind: str
    message: str
    created_at: datetime
    read_at: datetime | None
    gig_id: str | None
    application_id: str | None
    engagement_id: str | None

    @classmethod
    def from_row(cls, row: Row) -> NotificationRecord:
        return cls(
            id=str(row["id"]),
            kind=row["kind"],
            message=row["message"],
            created_at=to_instant(row["created_at"]),
            read_at=to_datetime(row.get("read_at")),
            gig_id=row.get("gig_id"),
            application_id=row.get("application_id"),
            engagement_id=row.get("engagement_id"),
        )


class ApplicationRow(TypedDict):
    """An application (`workflow/applications_by_ids`): the node's properties, the applicant,
    the gig, the engagement it resulted in (or null) and what a transition checks."""

    id: str
    state: str
    origin: NotRequired[str | None]
    note: NotRequired[str | None]
    created_at: NotRequired[object]
    updated_at: NotRequired[object]
    approval_state: NotRequired[str | None]
    approver_id: NotRequired[str | None]
    approval_requested_at: NotRequired[object]
    approval_decided_at: NotRequired[object]
    approval_reason: NotRequired[str | None]
    decision_reason: NotRequired[str | None]
    person: Row
    gig: Row
    engagement: Row | None
    owner_id: str | None
    manager_id: str | None
    grand_manager_id: str | None
    seats_taken: int
    committed_hours: float


def application_rows(rows: list[Row]) -> list[ApplicationRow]:
    """Rows of `workflow/applications_by_ids` (its `application` column) as what they are."""
    return cast(list[ApplicationRow], rows)
