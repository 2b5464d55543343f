"""GraphQL types and the `analytics` field: the marketplace's impact metrics for dashboards.

`analytics(period, departmentId, top, riskHolders)` checks the viewer and the request once and
returns `Analytics` (or a typed error); each of its fields runs its own Cypher file when asked,
so a dashboard pays only for the metrics it selects, and strawberry resolves them concurrently.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable
from datetime import date
from typing import Annotated, Self

import strawberry

from graph.vocabulary import SurveyMeasure
from resolvers import analytics
from resolvers.analytics import Scope, TimedReport
from resolvers.collaboration import Broker as BrokerData
from resolvers.collaboration import CollaborationReport
from resolvers.context import Info
from resolvers.records import analytics as metric
from resolvers.surveys import champions as survey_champions
from resolvers.surveys import results as survey_results
from schema.errors import Conflict, Forbidden, NotFound, ValidationError, typed_result
from schema.selection import selected
from schema.surveys.results import ChampionType, PulsePeriodType


@strawberry.input(description="A period of whole days, both included (UTC).")
class PeriodInput:
    from_: date = strawberry.field(name="from")
    to: date


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


@strawberry.type(description="Gigs published in the period and how fast they were filled.")
class FillStats:
    key: str | None = strawberry.field(description="Gig type or department id; null for the total.")
    label: str | None
    published: int
    filled: int
    fill_rate: float = strawberry.field(description="filled / published")
    median_days_to_fill: float | None
    p90_days_to_fill: float | None

    @classmethod
    def from_record(cls, row: metric.FillRateRow) -> Self:
        return cls(
            key=row["key"],
            label=row["label"],
            published=row["published"],
            filled=row["filled"],
            fill_rate=_share(row["filled"], row["published"]),
            median_days_to_fill=row["median_days_to_fill"],
            p90_days_to_fill=row["p90_days_to_fill"],
        )


@strawberry.type
class FillRate:
    total: FillStats
    by_type: list[FillStats]
    by_department: list[FillStats]

    @classmethod
    def from_records(cls, rows: list[metric.FillRateRow]) -> Self:
        by: dict[str, list[FillStats]] = {"total": [], "type": [], "department": []}
        for row in rows:
            by[row["dimension"]].append(FillStats.from_record(row))
        empty = FillStats(
            key=None, label=None, published=0, filled=0, fill_rate=0.0,
            median_days_to_fill=None, p90_days_to_fill=None,
        )  # fmt: skip
        return cls(
            total=by["total"][0] if by["total"] else empty,
            by_type=by["type"],
            by_department=by["department"],
        )


@strawberry.type(description="Hours worked on completed engagements, valued at external rates.")
class SavingsRow:
    month: str = strawberry.field(description="First day of the month of completion.")
    department_id: strawberry.ID
    department_name: str
    engagements: int
    hours_worked: float
    savings: float

    @classmethod
    def from_record(cls, row: metric.SavingsByMonthRow) -> Self:
        return cls(
            month=row["month"],
            department_id=strawberry.ID(row["department_id"]),
            department_name=row["department_name"],
            engagements=row["engagements"],
            hours_worked=row["hours_worked"],
            savings=row["savings"],
        )


@strawberry.type
class Savings:
    total: float
    hours_worked: float
    by_month_and_department: list[SavingsRow]

    @classmethod
    def from_records(cls, rows: list[metric.SavingsByMonthRow]) -> Self:
        items = [SavingsRow.from_record(row) for row in rows]
        return cls(
            total=sum(item.savings for item in items),
            hours_worked=sum(item.hours_worked for item in items),
            by_month_and_department=items,
        )


@strawberry.type
class BenchSkill:
    skill_id: strawberry.ID
    skill_label: str
    bench_people: int

    @classmethod
    def from_record(cls, row: metric.BenchSkillRow) -> Self:
        return cls(
            skill_id=strawberry.ID(row["skill_id"]),
            skill_label=row["skill_label"],
            bench_people=row["bench_people"],
        )


@strawberry.type(description="Gig hours committed in the period against the capacity offered.")
class Utilisation:
    people: int
    capacity_hours: float
    committed_hours: float
    utilisation: float = strawberry.field(description="committedHours / capacityHours")
    bench_people: int = strawberry.field(
        description="People offering capacity with no engagement in the period."
    )
    scope: strawberry.Private[Scope]

    @classmethod
    def from_record(cls, row: metric.UtilisationRow, scope: Scope) -> Self:
        return cls(
            people=row["people"],
            capacity_hours=row["capacity_hours"] or 0.0,
            committed_hours=row["committed_hours"] or 0.0,
            utilisation=_share(row["committed_hours"] or 0, row["capacity_hours"] or 0),
            bench_people=row["bench"],
            scope=scope,
        )

    @strawberry.field(description="Skills of the people on the bench, most available first.")
    async def bench_by_skill(self, info: Info) -> list[BenchSkill]:
        rows = await analytics.bench_by_skill(info.context.db, self.scope)
        return [BenchSkill.from_record(row) for row in rows]


@strawberry.type
class CollaborationBroker:
    id: strawberry.ID
    name: str
    betweenness: float

    @classmethod
    def from_data(cls, broker: BrokerData, names: dict[str, str]) -> Self:
        return cls(
            id=strawberry.ID(broker.id),
            name=names.get(broker.id, broker.id),
            betweenness=broker.betweenness,
        )


@strawberry.type
class CollaborationLink:
    department_ids: list[strawberry.ID]
    engagements: int


@strawberry.type(description="Cross-functional collaboration and the silos it reveals.")
class CollaborationMetrics:
    engagements: int
    cross_functional: int
    index: float = strawberry.field(
        description="Share of engagements whose helper is in another department than the gig."
    )
    departments: int
    department_links: list[CollaborationLink]
    department_density: float
    department_brokers: list[CollaborationBroker]
    people: int
    department_modularity: float = strawberry.field(
        description="Modularity of the person collaboration graph split by department."
    )
    community_modularity: float = strawberry.field(
        description="Modularity of the communities Louvain finds in the same graph."
    )
    communities: int
    silo_ratio: float = strawberry.field(
        description="departmentModularity / communityModularity: near 1, the silos hold."
    )
    person_brokers: list[CollaborationBroker]

    @classmethod
    def from_report(cls, report: CollaborationReport, names: dict[str, str]) -> Self:
        return cls(
            engagements=report.engagements,
            cross_functional=report.cross_functional,
            index=report.index,
            departments=report.departments,
            department_links=[
                CollaborationLink(
                    department_ids=[strawberry.ID(id) for id in link.department_ids],
                    engagements=link.engagements,
                )
                for link in report.department_links
            ],
            department_density=report.department_density,
            department_brokers=[
                CollaborationBroker.from_data(b, names) for b in report.department_brokers
            ],
            people=report.people,
            department_modularity=report.department_modularity,
            community_modularity=report.community_modularity,
            communities=report.communities,
            silo_ratio=report.silo_ratio,
            person_brokers=[CollaborationBroker.from_data(b, names) for b in report.person_brokers],
        )


@strawberry.type(description="Skills demonstrated on engagements completed in the period.")
class GrowthStats:
    month: str | None = strawberry.field(description="First day of the month; null for the total.")
    demonstrations: int
    new_skills: int
    proficiency_gained: int
    aspirations_realised: int
    people_grown: int

    @classmethod
    def from_record(cls, row: metric.SkillGrowthRow) -> Self:
        return cls(
            month=row["key"],
            demonstrations=row["demonstrations"],
            new_skills=row["new_skills"],
            proficiency_gained=row["proficiency_gained"],
            aspirations_realised=row["aspirations_realised"],
            people_grown=row["people_grown"],
        )


@strawberry.type
class SkillGrowth:
    total: GrowthStats
    by_month: list[GrowthStats]

    @classmethod
    def from_records(cls, rows: list[metric.SkillGrowthRow]) -> Self:
        stats = [GrowthStats.from_record(row) for row in rows]
        totals = [s for row, s in zip(rows, stats, strict=True) if row["dimension"] == "total"]
        empty = GrowthStats(
            month=None, demonstrations=0, new_skills=0, proficiency_gained=0,
            aspirations_realised=0, people_grown=0,
        )  # fmt: skip
        return cls(
            total=totals[0] if totals else empty,
            by_month=[s for row, s in zip(rows, stats, strict=True) if row["dimension"] == "month"],
        )


@strawberry.type(description="Who worked outside their own department in the period.")
class InternalMobility:
    people: int
    engaged_people: int
    mobile_people: int
    share: float = strawberry.field(description="mobilePeople / people")

    @classmethod
    def from_record(cls, row: metric.MobilityRow) -> Self:
        return cls(
            people=row["people"],
            engaged_people=row["engaged_people"],
            mobile_people=row["mobile_people"],
            share=_share(row["mobile_people"], row["people"]),
        )


@strawberry.type(description="A manager as a talent catalyst.")
class ManagerCatalyst:
    manager_id: strawberry.ID
    manager_name: str
    reports: int
    growers: int = strawberry.field(description="Reports who took a growth gig elsewhere.")
    growth_share: float
    decisions: int = strawberry.field(description="Approvals the manager decided in the period.")
    median_decision_hours: float | None

    @classmethod
    def from_record(cls, row: metric.CatalystRow) -> Self:
        return cls(
            manager_id=strawberry.ID(row["manager_id"]),
            manager_name=row["manager_name"],
            reports=row["reports"],
            growers=row["growers"],
            growth_share=row["growth_share"],
            decisions=row["decisions"],
            median_decision_hours=row["median_decision_hours"],
        )


@strawberry.type
class SkillRiskAspirant:
    id: strawberry.ID
    name: str
    interest: int
    proficiency: int


@strawberry.type(description="A skill a department would lose if one or two people left.")
class SkillRisk:
    department_id: strawberry.ID
    department_name: str
    skill_id: strawberry.ID
    skill_label: str
    holder_ids: list[strawberry.ID]
    organisation_holders: int
    open_gigs: int = strawberry.field(description="The department's open gigs requiring it.")
    aspirant_count: int
    aspirants: list[SkillRiskAspirant]

    @classmethod
    def from_record(cls, row: metric.SkillRiskRow) -> Self:
        return cls(
            department_id=strawberry.ID(row["department_id"]),
            department_name=row["department_name"],
            skill_id=strawberry.ID(row["skill_id"]),
            skill_label=row["skill_label"],
            holder_ids=[strawberry.ID(id) for id in row["holder_ids"]],
            organisation_holders=row["organisation_holders"],
            open_gigs=row["open_gigs"],
            aspirant_count=row["aspirant_count"],
            aspirants=[
                SkillRiskAspirant(
                    id=strawberry.ID(a["id"]),
                    name=a["name"],
                    interest=a["interest"],
                    proficiency=a["proficiency"],
                )
                for a in row["aspirants"]
            ],
        )


@strawberry.type(description="The marketplace's metrics for one period and department subtree.")
class Analytics:
    start: date = strawberry.field(name="from")
    to: date
    department_id: strawberry.ID | None
    scope: strawberry.Private[Scope]
    reports: strawberry.Private[dict[int | None, asyncio.Task[analytics.TimedReport]]] = (
        dataclasses.field(default_factory=dict)
    )
    counters: strawberry.Private[
        dict[SurveyMeasure, asyncio.Task[survey_results.PulseCounters]]
    ] = dataclasses.field(default_factory=dict)

    def collaboration_report(self, info: Info, level: int | None) -> Awaitable[TimedReport]:
        """The collaboration analysis at `level`, run once per request however many fields use it
        (collaboration, champions)."""
        if level not in self.reports:
            self.reports[level] = asyncio.ensure_future(
                analytics.collaboration(info.context.db, self.scope, level, info.context.workers)
            )
        return self.reports[level]

    @strawberry.field
    async def fill_rate(self, info: Info) -> FillRate:
        return FillRate.from_records(await analytics.fill_rate(info.context.db, self.scope))

    @strawberry.field
    async def savings(self, info: Info) -> Savings:
        return Savings.from_records(await analytics.savings(info.context.db, self.scope))

    @strawberry.field
    async def utilisation(self, info: Info) -> Utilisation:
        row = await analytics.utilisation(info.context.db, self.scope)
        return Utilisation.from_record(row, self.scope)

    @strawberry.field(
        description="Collaboration between the departments people are members of, or with "
        "`level` between their ancestors at that depth of the tree (0: top-level departments)."
    )
    async def collaboration(self, info: Info, level: int | None = None) -> CollaborationMetrics:
        timed = await self.collaboration_report(info, level)
        return CollaborationMetrics.from_report(timed.report, timed.names)

    @strawberry.field
    async def skill_growth(self, info: Info) -> SkillGrowth:
        return SkillGrowth.from_records(await analytics.skill_growth(info.context.db, self.scope))

    @strawberry.field
    async def internal_mobility(self, info: Info) -> InternalMobility:
        row = await analytics.internal_mobility(info.context.db, self.scope)
        return InternalMobility.from_record(row)

    @strawberry.field(description="Managers whose reports grow elsewhere most, `top` of them.")
    async def managers(self, info: Info) -> list[ManagerCatalyst]:
        rows = await analytics.manager_catalysts(info.context.db, self.scope)
        return [ManagerCatalyst.from_record(row) for row in rows]

    @strawberry.field(description="The `top` skill risks, most needed by open gigs first.")
    async def skill_risk(self, info: Info) -> list[SkillRisk]:
        rows = await analytics.skill_risk(info.context.db, self.scope)
        return [SkillRisk.from_record(row) for row in rows]

    @strawberry.field(
        description="Engagement on growth and opportunity (the quarterly growth pulse) per "
        "quarter of the period and department, groups under the anonymity floor folded into "
        "their parent department; with `level`, departments rolled up to their ancestor at that "
        "depth of the tree first (0: top-level departments)."
    )
    async def engagement(self, info: Info, level: int | None = None) -> list[PulsePeriodType]:
        return await self._pulse(info, SurveyMeasure.ENGAGEMENT, level)

    @strawberry.field(
        description="Managers' sentiment on talent sharing (the quarterly managers' pulse), per "
        "quarter and department, after the anonymity floor; `level` as for engagement."
    )
    async def manager_sentiment(
        self, info: Info, level: int | None = None
    ) -> list[PulsePeriodType]:
        return await self._pulse(info, SurveyMeasure.MANAGER_SENTIMENT, level)

    async def _pulse(
        self, info: Info, measures: SurveyMeasure, level: int | None
    ) -> list[PulsePeriodType]:
        """The measure's counters are read once per request however many fields fold them; the
        groups are summarised only when the field asks for them (a total costs far less)."""
        if measures not in self.counters:
            self.counters[measures] = asyncio.ensure_future(
                survey_results.pulse_counters(info.context.db, self.scope, measures)
            )
        floor = info.context.settings.survey_min_group
        groups = "groups" in selected(info)
        counters = await self.counters[measures]
        periods = await survey_results.fold(counters, floor, level, groups)
        return [PulsePeriodType.from_value(period) for period in periods]

    @strawberry.field(
        description="The `top` champions to ask for a story or invite to a launch, with why: "
        "well-rated gigs, departments helped, brokers of the collaboration graph, endorsements "
        "given. People who opted out are never listed."
    )
    async def champions(self, info: Info) -> list[ChampionType]:
        timed = await self.collaboration_report(info, None)
        found = await survey_champions.champions(info.context.db, self.scope, timed.report)
        return [ChampionType.from_value(champion) for champion in found]


AnalyticsResult = Annotated[
    Analytics | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("AnalyticsResult"),
]


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(
        description="Marketplace metrics for a period and a department with its sub-departments "
        "(the whole organisation when departmentId is null); hr and admin only. `top` bounds "
        "every ranked list; `riskHolders` is how few holders make a skill a risk."
    )
    async def analytics(
        self,
        info: Info,
        period: PeriodInput,
        department_id: strawberry.ID | None = None,
        top: int = 10,
        risk_holders: int = 2,
    ) -> AnalyticsResult:
        scope = analytics.authorise_scope(
            info.context, period.from_, period.to, department_id, top, risk_holders
        )

        def to_type(checked: Scope) -> Analytics:
            return Analytics(
                start=period.from_, to=period.to, department_id=department_id, scope=checked
            )

        return await typed_result(scope, to_type)
