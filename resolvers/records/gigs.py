"""Gigs as the domain hands them over: a gig and the skills it asks for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from graph.database import Row
from graph.values import to_date, to_datetime
from graph.vocabulary import GigStatus, GigType, Importance
from resolvers.records import NOT_FETCHED, Fetched, each, fetched, optional
from resolvers.records.departments import DepartmentRecord
from resolvers.records.people import PersonRecord
from resolvers.records.skills import SkillRecord


@dataclass(frozen=True)
class GigSkillRecord:
    """A skill a gig asks for."""

    skill: SkillRecord
    min_proficiency: int
    importance: Importance

    @classmethod
    def from_row(cls, row: Row) -> GigSkillRecord:
        return cls(
            skill=SkillRecord.from_row(row["skill"]),
            min_proficiency=int(row["min_proficiency"]),
            importance=Importance(row["importance"]),
        )


@dataclass(frozen=True)
class GigRecord:
    """A gig's properties, and the parts its query fetched with it (look-ahead, else
    `NOT_FETCHED`). `owner_id` comes with the queries that decide who sees the gig."""

    id: str
    title: str
    description: str
    type: GigType
    status: GigStatus
    hours_per_week: float
    duration_weeks: int
    start_date: date | None
    seats: int
    external_hourly_rate: float
    location: str | None
    remote: bool
    application_deadline: date | None
    created_at: datetime | None
    published_at: datetime | None
    filled_at: datetime | None
    completed_at: datetime | None
    owner_id: str | None = None
    owner: Fetched[PersonRecord | None] = NOT_FETCHED
    department: Fetched[DepartmentRecord | None] = NOT_FETCHED
    skills: Fetched[list[GigSkillRecord]] = NOT_FETCHED

    @classmethod
    def from_row(cls, row: Row) -> GigRecord:
        return cls(
            id=str(row["id"]),
            title=row["title"],
            description=row.get("description") or "",
            type=GigType(row.get("type") or GigType.PROJECT),
            status=GigStatus(row.get("status") or GigStatus.DRAFT),
            hours_per_week=float(row.get("hours_per_week") or 0.0),
            duration_weeks=int(row.get("duration_weeks") or 0),
            start_date=to_date(row.get("start_date")),
            seats=int(row.get("seats") or 1),
            external_hourly_rate=float(row.get("external_hourly_rate") or 0.0),
            location=row.get("location") or None,
            remote=bool(row.get("remote")),
            application_deadline=to_date(row.get("application_deadline")),
            created_at=to_datetime(row.get("created_at")),
            published_at=to_datetime(row.get("published_at")),
            filled_at=to_datetime(row.get("filled_at")),
            completed_at=to_datetime(row.get("completed_at")),
            owner_id=row.get("owner_id"),
            owner=fetched(row, "owner", optional(PersonRecord.from_row)),
            department=fetched(row, "department", optional(DepartmentRecord.from_row)),
            skills=fetched(row, "skills", each(GigSkillRecord.from_row)),
        )
