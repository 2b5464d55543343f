"""The analytics as the domain hands them over: each metric's Cypher (`cypher/analytics/`)
returns its figures as columns (which the CSV exports list as they are), so each row is a
`TypedDict` of those columns."""

from __future__ import annotations

from typing import TypedDict


class FillRateRow(TypedDict):
    """`dimension` total, type (`key` = gig type) or department (`key` = its id)."""

    dimension: str
    key: str | None
    label: str | None
    published: int
    filled: int
    median_days_to_fill: float | None
    p90_days_to_fill: float | None


class SavingsByMonthRow(TypedDict):
    month: str
    department_id: str
    department_name: str
    engagements: int
    hours_worked: float
    savings: float


class UtilisationRow(TypedDict):
    people: int
    capacity_hours: float | None
    committed_hours: float | None
    bench: int


class BenchSkillRow(TypedDict):
    skill_id: str
    skill_label: str
    bench_people: int


class SkillGrowthRow(TypedDict):
    """`dimension` total or month (`key` = the first day of the month)."""

    dimension: str
    key: str | None
    demonstrations: int
    new_skills: int
    proficiency_gained: int
    aspirations_realised: int
    people_grown: int


class MobilityRow(TypedDict):
    people: int
    engaged_people: int
    mobile_people: int


class CatalystRow(TypedDict):
    manager_id: str
    manager_name: str
    reports: int
    growers: int
    grower_names: list[str]
    growth_share: float
    decisions: int
    approvals: int
    median_decision_hours: float | None
    team_department_id: str | None


class AspirantRow(TypedDict):
    id: str
    name: str
    interest: int
    proficiency: int


class SkillRiskRow(TypedDict):
    department_id: str
    department_name: str
    skill_id: str
    skill_label: str
    holder_ids: list[str]
    organisation_holders: int
    open_gigs: int
    aspirant_count: int
    aspirants: list[AspirantRow]
