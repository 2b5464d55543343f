"""Each analytics metric on the small organisation of `tests/support/analytics.py`, whose values
are worked out by hand in its docstring."""

from __future__ import annotations

import pytest

from graph.database import Database
from resolvers import analytics
from resolvers.analytics import Scope
from tests.support.analytics import FIRST, LAST, PERIOD_DAYS, build_org


@pytest.fixture
async def graph(db: Database) -> Database:
    await build_org().load(db)
    return db


def scope(department_id: str | None = None, **limits: int) -> Scope:
    return Scope.for_dates(FIRST, LAST, department_id, **limits)


async def test_fill_rate_counts_gigs_published_in_the_period_with_percentile_days(
    graph: Database,
) -> None:
    rows = await analytics.fill_rate(graph, scope())
    by = {(row["dimension"], row["key"]): row for row in rows}
    # G1..G4 published in the period; G5 was published before it. Days to fill: 10, 2, 20.
    total = by[("total", None)]
    assert (total["published"], total["filled"]) == (4, 3)
    assert total["median_days_to_fill"] == pytest.approx(10.0)
    assert total["p90_days_to_fill"] == pytest.approx(10 + 0.8 * (20 - 10))  # rank 1.8 of 0..2
    project = by[("type", "project")]
    assert (project["published"], project["filled"]) == (3, 2)
    assert project["median_days_to_fill"] == pytest.approx(15.0)
    assert project["p90_days_to_fill"] == pytest.approx(19.0)
    assert by[("type", "micro_task")]["median_days_to_fill"] == pytest.approx(2.0)
    assert by[("department", "ENG")]["p90_days_to_fill"] == pytest.approx(2 + 0.9 * 8)
    data = by[("department", "DATA")]
    assert (data["published"], data["filled"], data["median_days_to_fill"]) == (1, 0, None)


async def test_fill_rate_of_a_department_includes_its_sub_departments(graph: Database) -> None:
    rows = await analytics.fill_rate(graph, scope("ENG"))
    total = next(row for row in rows if row["dimension"] == "total")
    assert (total["published"], total["filled"]) == (3, 2)  # G1, G2 and DATA's G4
    assert {row["key"] for row in rows if row["dimension"] == "department"} == {"ENG", "DATA"}


async def test_savings_value_hours_worked_at_each_gigs_external_rate_per_month(
    graph: Database,
) -> None:
    rows = await analytics.savings(graph, scope())
    assert [(row["month"], row["department_id"], row["hours_worked"], row["savings"])
            for row in rows] == [
        ("2026-01-01", "SALES", 12.0, 12 * 60.0),  # X5 on G5
        ("2026-02-01", "ENG", 10.0, 10 * 50.0),  # X2 on G2
        ("2026-03-01", "ENG", 20.0, 20 * 100.0),  # X1 on G1
        ("2026-05-01", "SALES", 30.0, 30 * 80.0),  # X3 on G3; X4 is still active
    ]  # fmt: skip
    only_sales = await analytics.savings(graph, scope("SALES"))
    assert sum(row["savings"] for row in only_sales) == 720.0 + 2400.0


async def test_utilisation_sets_committed_hours_against_offered_capacity(graph: Database) -> None:
    row = await analytics.utilisation(graph, scope())
    assert row["people"] == 8
    assert row["capacity_hours"] == pytest.approx(7 * 8 * PERIOD_DAYS / 7)  # M2 offers nothing
    committed_days = {
        "X1": 4 * 41,  # 01-19 .. 03-01
        "X2": 5 * 15,  # 02-05 .. 02-20
        "X3": 5 * 42,  # 03-23 .. 05-04
        "X4": 4 * 100,  # 03-23 .. the period's end, 07-01
        "X5": 4 * 19,  # the period's start .. 01-20
    }
    assert row["committed_hours"] == pytest.approx(sum(committed_days.values()) / 7)
    assert row["bench"] == 2  # M1 and B1 offer capacity and had no engagement
    sales = await analytics.utilisation(graph, scope("SALES"))
    assert (sales["people"], sales["bench"]) == (3, 0)
    assert sales["capacity_hours"] == pytest.approx(2 * 8 * PERIOD_DAYS / 7)  # S1, S2
    assert sales["committed_hours"] == pytest.approx((4 * 100 + 4 * 19) / 7)  # X4, X5


async def test_bench_by_skill_counts_idle_people_per_skill(graph: Database) -> None:
    rows = await analytics.bench_by_skill(graph, scope())
    assert [(row["skill_id"], row["bench_people"]) for row in rows] == [
        ("python", 2),  # M1 and B1
        ("leadership", 1),
    ]
    assert [row["skill_id"] for row in await analytics.bench_by_skill(graph, scope("DATA"))] == [
        "python"
    ]


async def test_collaboration_reads_the_engagement_pairs_of_the_period(graph: Database) -> None:
    timed = await analytics.collaboration(graph, scope())
    report = timed.report
    # X2 (DATA helper on an ENG gig) and X3 (ENG helper on a SALES gig) cross departments.
    assert (report.engagements, report.cross_functional) == (5, 2)
    assert report.index == pytest.approx(0.4)
    assert report.department_density == pytest.approx(2 / 3)  # DATA-ENG, ENG-SALES of 3 pairs
    assert [b.id for b in report.department_brokers] == ["ENG"]
    # People: M1-E2 apart; D1-E1-M2-S1-S2 in a path; 2m = 10.
    # Departments: ENG {E2, M1, E1} 1/5 - (4/10)^2, DATA {D1} -(1/10)^2,
    # SALES {M2, S1, S2} 2/5 - (5/10)^2.
    assert report.department_modularity == pytest.approx(0.04 - 0.01 + 0.15)
    # Best split: {E2, M1} 0.2 - 0.04, {D1, E1} 0.2 - 0.09, {M2, S1, S2} 0.15.
    assert report.community_modularity == pytest.approx(0.16 + 0.11 + 0.15)
    assert report.communities == 3
    # M2 lies on 4 of the 15 pairs' shortest paths, E1 and S1 on 3: x 2 / (6 * 5).
    assert [(b.id, round(b.betweenness, 4)) for b in report.person_brokers[:3]] == [
        ("M2", round(4 / 15, 4)),
        ("E1", 0.2),
        ("S1", 0.2),
    ]


async def test_collaboration_rolls_departments_up_to_a_level_of_the_tree(
    graph: Database,
) -> None:
    # Level 1: DATA counts as ENG, so X2 stays inside ENG and only X3 (ENG -> SALES) crosses.
    report = (await analytics.collaboration(graph, scope(), level=1)).report
    assert (report.engagements, report.cross_functional, report.departments) == (5, 1, 2)
    assert [link.department_ids for link in report.department_links] == [("ENG", "SALES")]
    # Level 0: everything is ORG.
    report = (await analytics.collaboration(graph, scope(), level=0)).report
    assert (report.cross_functional, report.departments, report.department_density) == (0, 1, 0)


async def test_collaboration_of_a_department_keeps_pairs_touching_it(graph: Database) -> None:
    report = (await analytics.collaboration(graph, scope("DATA"))).report
    assert (report.engagements, report.cross_functional) == (1, 1)  # only X2


async def test_skill_growth_counts_new_skills_levels_and_realised_aspirations(
    graph: Database,
) -> None:
    rows = await analytics.skill_growth(graph, scope())
    by = {(row["dimension"], row["key"]): dict(row) for row in rows}
    fields = (
        "demonstrations",
        "new_skills",
        "proficiency_gained",
        "aspirations_realised",
        "people_grown",
    )
    assert tuple(by[("total", None)][f] for f in fields) == (3, 2, 1 + 2 + 2, 1, 3)
    assert tuple(by[("month", "2026-02-01")][f] for f in fields) == (1, 1, 2, 0, 1)
    assert tuple(by[("month", "2026-03-01")][f] for f in fields) == (1, 0, 1, 0, 1)
    assert tuple(by[("month", "2026-05-01")][f] for f in fields) == (1, 1, 2, 1, 1)
    assert await analytics.skill_growth(graph, scope("SALES")) == []


async def test_internal_mobility_counts_people_who_worked_for_another_department(
    graph: Database,
) -> None:
    row = await analytics.internal_mobility(graph, scope())
    # Engaged: E2, D1, E1, S1, S2. Elsewhere: D1 (DATA on ENG's G2), E1 (ENG on SALES' G3).
    assert (row["people"], row["engaged_people"], row["mobile_people"]) == (8, 5, 2)
    row = await analytics.internal_mobility(graph, scope("DATA"))
    assert (row["people"], row["engaged_people"], row["mobile_people"]) == (2, 1, 1)


async def test_manager_catalysts_share_growers_and_decision_speed(graph: Database) -> None:
    rows = await analytics.manager_catalysts(graph, scope())
    assert [
        (r["manager_id"], r["reports"], r["growers"], r["decisions"], r["median_decision_hours"])
        for r in rows
    ] == [
        ("M1", 4, 2, 2, (4 + 48) / 2),  # E1 grew at SALES, D1 at ENG; E2 stayed home
        ("M2", 2, 0, 1, 1.0),
    ]
    assert rows[0]["growth_share"] == 0.5
    assert [(r["grower_names"], r["approvals"], r["team_department_id"]) for r in rows] == [
        (["Person D1", "Person E1"], 2, "DATA"),  # two reports in ENG, two in DATA: by id
        ([], 1, "SALES"),
    ]
    assert [r["manager_id"] for r in await analytics.manager_catalysts(graph, scope(top=1))] == [
        "M1"
    ]
    assert [r["manager_id"] for r in await analytics.manager_catalysts(graph, scope("SALES"))] == [
        "M2"
    ]


async def test_skill_risk_names_thin_skills_open_gigs_need_and_their_aspirants(
    graph: Database,
) -> None:
    rows = await analytics.skill_risk(graph, scope())
    assert [
        (r["department_id"], r["skill_id"], r["holder_ids"], r["organisation_holders"],
         r["open_gigs"])
        for r in rows
    ] == [
        ("DATA", "cobol", [], 1, 1),  # G4 needs it; only S2 in SALES has it
        ("DATA", "python", ["B1"], 3, 1),
        ("SALES", "cobol", ["S2"], 1, 0),  # held by one person in the organisation
        ("ENG", "leadership", ["M1"], 1, 0),
        ("ENG", "negotiation", ["E1"], 1, 0),
        ("DATA", "sql", ["D1"], 1, 0),
    ]  # fmt: skip
    assert [a["id"] for a in rows[0]["aspirants"]] == ["B1", "D1"]  # by interest
    assert rows[0]["aspirant_count"] == 2
    sales = await analytics.skill_risk(graph, scope("SALES"))
    assert [(r["department_id"], r["skill_id"]) for r in sales] == [("SALES", "cobol")]
