"""People as the domain hands them over: a person, the skills they hold, their aspirations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from graph.database import Row
from graph.values import to_datetime
from graph.vocabulary import SkillSource, Visibility
from resolvers.records import NOT_FETCHED, Fetched, each, fetched, optional
from resolvers.records.departments import DepartmentRecord
from resolvers.records.skills import SkillRecord


@dataclass(frozen=True)
class HeldSkillRecord:
    """A skill someone holds."""

    skill: SkillRecord
    proficiency: int
    validated: bool
    source: SkillSource
    confirmed_at: datetime | None

    @classmethod
    def from_row(cls, row: Row) -> HeldSkillRecord:
        return cls(
            skill=SkillRecord.from_row(row["skill"]),
            proficiency=int(row["proficiency"]),
            validated=bool(row.get("validated")),
            source=SkillSource(row.get("source") or SkillSource.SELF),
            confirmed_at=to_datetime(row.get("confirmed_at")),
        )


@dataclass(frozen=True)
class AspirationRecord:
    skill: SkillRecord
    interest: int
    visibility: Visibility

    @classmethod
    def from_row(cls, row: Row) -> AspirationRecord:
        return cls(
            skill=SkillRecord.from_row(row["skill"]),
            interest=int(row["interest"]),
            visibility=Visibility(row.get("visibility") or Visibility.MATCHING),
        )


@dataclass(frozen=True)
class PersonRecord:
    """A person's properties, and the parts its query fetched with it (look-ahead, else
    `NOT_FETCHED`). `aspirations` are all of them: who may see which is
    `resolvers.people.visible_aspirations`."""

    id: str
    name: str
    email: str
    title: str
    location: str
    weekly_hours: float
    gig_capacity_pct: float
    active: bool
    department: Fetched[DepartmentRecord | None] = NOT_FETCHED
    manager: Fetched[PersonRecord | None] = NOT_FETCHED
    skills: Fetched[list[HeldSkillRecord]] = NOT_FETCHED
    aspirations: Fetched[list[AspirationRecord]] = NOT_FETCHED

    @classmethod
    def from_row(cls, row: Row) -> PersonRecord:
        return cls(
            id=str(row["id"]),
            name=row["name"],
            email=row.get("email") or "",
            title=row.get("title") or "",
            location=row.get("location") or "",
            weekly_hours=float(row.get("weekly_hours") or 0.0),
            gig_capacity_pct=float(row.get("gig_capacity_pct") or 0.0),
            active=bool(row.get("active", True)),
            department=fetched(row, "department", optional(DepartmentRecord.from_row)),
            manager=fetched(row, "manager", optional(PersonRecord.from_row)),
            skills=fetched(row, "skills", each(HeldSkillRecord.from_row)),
            aspirations=fetched(row, "aspirations", each(AspirationRecord.from_row)),
        )
