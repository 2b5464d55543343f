"""GraphQL types of the cultural metrics: engagement and manager sentiment per quarter and
department (after the anonymity floor), champions with their reasons, the catalyst report."""

from __future__ import annotations

from typing import Annotated, Self

import strawberry

from resolvers.context import Info
from resolvers.surveys import anonymity, catalysts
from resolvers.surveys.champions import Champion
from schema.errors import Conflict, Forbidden, NotFound, ValidationError, typed_result


@strawberry.type
class DepartmentName:
    id: strawberry.ID
    name: str


@strawberry.type(description="One question's answers in a group.")
class PulseQuestion:
    question_id: strawberry.ID
    text: str
    kind: str
    answers: int
    mean: float | None = strawberry.field(description="Scale questions: the mean, 1 to 5.")
    enps: float | None = strawberry.field(description="NPS questions: % promoters - % detractors.")


@strawberry.type(
    name="PulseGroup",
    description="A group of at least the anonymity floor's respondents: a department with the "
    "sub-departments too small to be shown alone folded into it.",
)
class PulseGroupType:
    period: str
    department_id: strawberry.ID
    department_name: str
    includes: list[DepartmentName] = strawberry.field(
        description="Sub-departments folded into this group."
    )
    respondents: int
    invited: int
    response_rate: float | None
    score: float | None = strawberry.field(description="Mean of every scale answer, 1 to 5.")
    previous_score: float | None = strawberry.field(
        description="The same department's score the quarter before, when it was shown."
    )
    trend: float | None = strawberry.field(description="score - previousScore")
    enps: float | None = strawberry.field(description="% promoters (9-10) - % detractors (0-6)")
    questions: list[PulseQuestion]
    comments: list[str] = strawberry.field(description="Sorted, never with their author.")

    @classmethod
    def from_value(cls, group: anonymity.PulseGroup) -> Self:
        return cls(
            period=group.period,
            department_id=strawberry.ID(group.department.id),
            department_name=group.department.name,
            includes=[DepartmentName(id=strawberry.ID(d.id), name=d.name) for d in group.includes],
            respondents=group.respondents,
            invited=group.invited,
            response_rate=group.response_rate,
            score=group.score,
            previous_score=group.previous_score,
            trend=group.trend,
            enps=group.enps,
            questions=[
                PulseQuestion(
                    question_id=strawberry.ID(q.question.id),
                    text=q.question.text,
                    kind=q.question.kind,
                    answers=q.answers,
                    mean=q.mean,
                    enps=q.enps,
                )
                for q in group.questions
            ],
            comments=list(group.comments),
        )


@strawberry.type(
    name="PulsePeriod", description="A quarter of the period: its groups and their sum."
)
class PulsePeriodType:
    period: str
    total: PulseGroupType | None = strawberry.field(
        description="The groups shown, added up (null when none reaches the floor)."
    )
    groups: list[PulseGroupType]

    @classmethod
    def from_value(cls, period: anonymity.PulsePeriod) -> Self:
        return cls(
            period=period.period,
            total=PulseGroupType.from_value(period.total) if period.total else None,
            groups=[PulseGroupType.from_value(g) for g in period.groups],
        )


@strawberry.type(
    name="Champion", description="Someone to ask for a story or invite to a launch, and why."
)
class ChampionType:
    person_id: strawberry.ID
    name: str
    department_id: strawberry.ID
    department_name: str
    points: int
    good_gigs: int
    departments_helped: list[str]
    endorsements_given: int
    betweenness: float | None
    reasons: list[str]

    @classmethod
    def from_value(cls, champion: Champion) -> Self:
        return cls(
            person_id=strawberry.ID(champion.person_id),
            name=champion.name,
            department_id=strawberry.ID(champion.department_id),
            department_name=champion.department_name,
            points=champion.points,
            good_gigs=champion.good_gigs,
            departments_helped=list(champion.departments_helped),
            endorsements_given=champion.endorsements_given,
            betweenness=champion.betweenness,
            reasons=list(champion.reasons),
        )


@strawberry.type(name="CatalystLine", description="A manager's quarter as a talent catalyst.")
class CatalystLineType:
    manager_id: strawberry.ID
    manager_name: str
    team_department_id: strawberry.ID | None
    reports: int
    growers: int = strawberry.field(description="Reports who took a growth gig elsewhere.")
    grower_names: list[str]
    growth_share: float
    decisions: int = strawberry.field(description="Approvals decided in the quarter.")
    approvals: int = strawberry.field(description="Of which approved.")
    median_decision_hours: float | None
    team_respondents: int | None = strawberry.field(
        description="The team's engagement, when its group reaches the anonymity floor alone."
    )
    team_engagement: float | None
    team_enps: float | None

    @classmethod
    def from_value(cls, line: catalysts.CatalystLine) -> Self:
        team = line.team_department_id
        return cls(
            manager_id=strawberry.ID(line.manager_id),
            manager_name=line.manager_name,
            team_department_id=strawberry.ID(team) if team else None,
            reports=line.reports,
            growers=line.growers,
            grower_names=list(line.grower_names),
            growth_share=line.growth_share,
            decisions=line.decisions,
            approvals=line.approvals,
            median_decision_hours=line.median_decision_hours,
            team_respondents=line.team_respondents,
            team_engagement=line.team_engagement,
            team_enps=line.team_enps,
        )


@strawberry.type(
    name="CatalystReport", description="The quarterly catalyst report, one line per manager."
)
class CatalystReportType:
    quarter: str
    department_id: strawberry.ID | None
    lines: list[CatalystLineType]
    report: strawberry.Private[catalysts.CatalystReport]

    @strawberry.field(description="The same report as CSV, for performance goals.")
    def csv(self) -> str:
        return catalysts.catalyst_csv(self.report)

    @classmethod
    def from_value(cls, report: catalysts.CatalystReport) -> Self:
        return cls(
            quarter=report.quarter,
            department_id=strawberry.ID(report.department_id) if report.department_id else None,
            lines=[CatalystLineType.from_value(line) for line in report.lines],
            report=report,
        )


CatalystReportResult = Annotated[
    CatalystReportType | NotFound | Forbidden | ValidationError | Conflict,
    strawberry.union("CatalystReportResult"),
]


@strawberry.type
class CatalystQuery:
    @strawberry.field(
        description="HR: the catalyst report of a quarter (such as 2026-Q4) for the managers of "
        "a department and its sub-departments, or of the whole organisation."
    )
    async def catalyst_report(
        self, info: Info, quarter: str, department_id: strawberry.ID | None = None
    ) -> CatalystReportResult:
        ctx = info.context
        work = catalysts.catalyst_report(
            ctx.db,
            ctx.viewer,
            quarter,
            str(department_id) if department_id else None,
            ctx.settings.survey_min_group,
        )
        return await typed_result(work, CatalystReportType.from_value)

    @strawberry.field(
        description="A manager's own line of a quarter's catalyst report (such as 2026-Q4): "
        "their reports, those who took a growth gig elsewhere, the approvals they gave and how "
        "fast, their team's engagement when its group reaches the anonymity floor alone. No "
        "line when the viewer had no reports."
    )
    async def my_catalyst_report(self, info: Info, quarter: str) -> CatalystReportResult:
        ctx = info.context
        work = catalysts.own_catalyst_report(
            ctx.db, ctx.viewer, quarter, ctx.settings.survey_min_group
        )
        return await typed_result(work, CatalystReportType.from_value)
