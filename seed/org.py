"""An organisation as rows, the shape every import takes on its way into Neo4j.

`seed.loader.load_org` writes any `OrgTables`: the demo generator and the tests' factories build
an `OrgData` (lists in memory); a validated CSV export (`seed.org_import.ValidatedExport`) reads
its files again, batch by batch, as the loader asks for rows. So there is one write path. Skills
here are already resolved to skill ids; field names are the graph's property names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol, TypeVar

from graph.vocabulary import (
    EngagementStatus,
    GigStatus,
    GigType,
    Importance,
    SkillSource,
    Visibility,
)


@dataclass(frozen=True)
class CustomSkillRow:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    broader_id: str | None = None


@dataclass(frozen=True)
class DepartmentRow:
    id: str
    name: str
    parent_id: str | None = None


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    email: str
    department_id: str
    manager_id: str | None = None
    title: str = ""
    location: str = ""
    weekly_hours: float = 40.0
    gig_capacity_pct: float = 20.0
    slack_id: str | None = None
    teams_id: str | None = None


@dataclass(frozen=True)
class PersonSkillRow:
    person_id: str
    skill_id: str
    proficiency: int
    validated: bool = False
    source: SkillSource = SkillSource.HRIS


@dataclass(frozen=True)
class AspirationRow:
    person_id: str
    skill_id: str
    interest: int = 2
    visibility: Visibility = Visibility.MATCHING


@dataclass(frozen=True)
class GigRow:
    id: str
    title: str
    owner_id: str
    department_id: str
    type: GigType = GigType.PROJECT
    description: str = ""
    hours_per_week: float = 4.0
    duration_weeks: int = 4
    start_date: date | None = None
    seats: int = 1
    status: GigStatus = GigStatus.OPEN
    external_hourly_rate: float = 0.0
    created_at: datetime | None = None
    published_at: datetime | None = None
    filled_at: datetime | None = None
    completed_at: datetime | None = None
    location: str = ""
    remote: bool = False
    application_deadline: date | None = None


@dataclass(frozen=True)
class GigSkillRow:
    gig_id: str
    skill_id: str
    min_proficiency: int = 3
    importance: Importance = Importance.REQUIRED


@dataclass(frozen=True)
class EngagementRow:
    """A person's work on a gig. Historic ones arrive completed, with their outcome."""

    id: str
    gig_id: str
    person_id: str
    status: EngagementStatus = EngagementStatus.ACTIVE
    hours_per_week: float = 4.0
    started_at: datetime | None = None
    completed_at: datetime | None = None
    hours_worked: float | None = None
    rating: int | None = None
    feedback: str | None = None
    approver_id: str | None = None
    approval_requested_at: datetime | None = None
    approval_decided_at: datetime | None = None


@dataclass(frozen=True)
class DemonstratedSkillRow:
    engagement_id: str
    skill_id: str
    level: int


T_co = TypeVar("T_co", covariant=True)


class Rows(Protocol[T_co]):
    """Rows the loader writes in batches: it knows how many (for progress) before it iterates."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[T_co]: ...


Link = Mapping[str, str | None]
"""An edge by ids: `{"id": …, "parent_id": …}` or `{"id": …, "manager_id": …}`."""


class OrgTables(Protocol):
    """An organisation as the loader reads it, one table after another."""

    @property
    def custom_skills(self) -> Rows[CustomSkillRow]: ...
    @property
    def departments(self) -> Rows[DepartmentRow]: ...
    @property
    def people(self) -> Rows[PersonRow]: ...
    @property
    def person_skills(self) -> Rows[PersonSkillRow]: ...
    @property
    def aspirations(self) -> Rows[AspirationRow]: ...
    @property
    def gigs(self) -> Rows[GigRow]: ...
    @property
    def gig_skills(self) -> Rows[GigSkillRow]: ...
    @property
    def engagements(self) -> Rows[EngagementRow]: ...
    @property
    def demonstrated_skills(self) -> Rows[DemonstratedSkillRow]: ...
    @property
    def department_tree(self) -> Rows[Link]:
        """Each department's link to its parent, once every department exists."""
        ...

    @property
    def reporting_lines(self) -> Rows[Link]:
        """Each person's link to their manager, once every person exists."""
        ...

    @property
    def person_ids(self) -> Sequence[str]:
        """The people of the organisation (a full export deactivates everyone else)."""
        ...


@dataclass
class OrgData:
    custom_skills: list[CustomSkillRow] = field(default_factory=list)
    departments: list[DepartmentRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    person_skills: list[PersonSkillRow] = field(default_factory=list)
    aspirations: list[AspirationRow] = field(default_factory=list)
    gigs: list[GigRow] = field(default_factory=list)
    gig_skills: list[GigSkillRow] = field(default_factory=list)
    engagements: list[EngagementRow] = field(default_factory=list)
    demonstrated_skills: list[DemonstratedSkillRow] = field(default_factory=list)

    @property
    def department_tree(self) -> list[Link]:
        return [{"id": d.id, "parent_id": d.parent_id} for d in self.departments]

    @property
    def reporting_lines(self) -> list[Link]:
        return [{"id": p.id, "manager_id": p.manager_id} for p in self.people]

    @property
    def person_ids(self) -> list[str]:
        return [p.id for p in self.people]

    def taxonomy_skill_ids(self) -> set[str]:
        """The taxonomy skills the organisation refers to (its custom skills excluded)."""
        rows: list[
            list[PersonSkillRow]
            | list[AspirationRow]
            | list[GigSkillRow]
            | list[DemonstratedSkillRow]
        ] = [self.person_skills, self.aspirations, self.gig_skills, self.demonstrated_skills]
        used = {row.skill_id for table in rows for row in table}
        used |= {s.broader_id for s in self.custom_skills if s.broader_id}
        return used - {s.id for s in self.custom_skills}


@dataclass(frozen=True)
class SkillRow:
    """A skill of the public taxonomy (or one of its groups)."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    type: str = ""
    group: str = ""
    description: str = ""
    is_group: bool = False
    generic: bool = False
    """A transversal or very common skill: never evidence for a specialist one (no adjacency)."""
    commodity: str = ""
    """For a tool (type `technology`, from O*NET): its UNSPSC commodity."""
    hot_technology: bool = False


@dataclass(frozen=True)
class BroaderRow:
    skill_id: str
    broader_id: str
    adjacent: bool = True
    """The step counts as adjacency for matching and `peopleNearSkill` (see `seed.adjacency`)."""


@dataclass(frozen=True)
class RelatedRow:
    skill_id: str
    related_id: str
    weight: float
    sources: tuple[str, ...] = ()
    """The signals behind the link: `esco` (curated relation), `text` (similar descriptions and
    names), `sibling` (same leaf skill group), `cooccurrence` (profiles share it beyond chance)."""


@dataclass(frozen=True)
class OccupationRow:
    """An occupation of the taxonomy with its skill profile; the demo generator draws on it.
    Occupations are not written to the graph."""

    id: str
    label: str
    essential: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


@dataclass
class TaxonomyData:
    skills: list[SkillRow] = field(default_factory=list)
    broader: list[BroaderRow] = field(default_factory=list)
    related: list[RelatedRow] = field(default_factory=list)
    occupations: list[OccupationRow] = field(default_factory=list)
