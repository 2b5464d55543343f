"""The pulse results the analytics read from each group's tally (answers, sum, promoters and
detractors per question, kept with the counters) are exactly those of the raw counters (how often
each value was given), on the organisation of `tests/support/surveys.py`: for answers given
through the API, for a history the seed writes, and for a graph written before tallies existed,
which the migration and `talentgraph surveys rebuild-tallies` bring up to date."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.database import ConnectionInfo, Database
from graph.migrate import apply_schema
from graph.vocabulary import SurveyMeasure
from resolvers.analytics import Scope
from resolvers.surveys import results
from resolvers.surveys.anonymity import DepartmentRef, PulsePeriod, previous_quarter
from seed.loader import load_survey_history
from seed.survey_history import SurveyHistory
from tests.support.surveys import build_answers, build_org, fold_counters

PERIODS = ["2026-Q3", "2026-Q4"]


def second_half(department_id: str | None = None) -> Scope:
    return Scope.for_dates(date(2026, 7, 1), date(2026, 12, 31), department_id)


@pytest.fixture
async def graph(db: Database) -> Database:
    await build_org().load(db)
    await build_answers(db)
    return db


async def from_counters(
    db: Database, measures: SurveyMeasure, floor: int, department: str | None, level: int | None
) -> list[PulsePeriod]:
    asked = {"measures": measures, "periods": [previous_quarter(PERIODS[0]), *PERIODS]}
    groups = await db.read("analytics/pulse_groups", **asked)
    scores = await db.read("analytics/pulse_scores", **asked)
    scope = None
    if department is not None:
        (row,) = await db.read("analytics/scope_department", department_id=department)
        scope = DepartmentRef(row["id"], row["name"])
    return fold_counters(groups, scores, PERIODS, floor, scope, level)


async def assert_tallies_match_counters(db: Database) -> int:
    """Every measure, floor, level and scope alike; returns how many groups were shown."""
    shown = 0
    for measures in SurveyMeasure:
        for floor in (1, 3, 5):
            for level in (None, 0, 1):
                for department in (None, "ENG"):
                    scope = second_half(department)
                    tallied = await results.pulse(db, scope, measures, floor, level)
                    counted = await from_counters(db, measures, floor, department, level)
                    assert tallied == counted, (measures, floor, level, department)
                    shown += sum(len(period.groups) for period in tallied)
    return shown


async def test_results_from_the_tallies_are_those_of_the_raw_counters(graph: Database) -> None:
    assert await assert_tallies_match_counters(graph) > 0
    (q3, q4) = await results.pulse(graph, second_half(), SurveyMeasure.ENGAGEMENT)
    (eng,) = q4.groups  # the known values of tests/test_surveys_pulses.py, from the tallies
    assert (eng.respondents, eng.score, eng.previous_score) == (9, 29 / 9, 3.0)
    assert eng.enps == pytest.approx(100 * 2 / 9)
    assert [(q.question.id, q.answers) for q in eng.questions] == [
        ("growth-pulse-grows", 9),
        ("growth-pulse-recommend", 9),
    ]
    assert q3.total is not None
    assert q3.total.score == 3.0


async def test_a_seeded_history_is_tallied_as_it_is_written(db: Database) -> None:
    await build_org().load(db)
    history = SurveyHistory()
    for department, respondents, counts in (
        ("ENG", 6, {"growth-pulse-grows": [0, 1, 0, 2, 3, 0, 0, 0, 0, 0, 0],
                    "growth-pulse-recommend": [1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 2]}),
        ("DATA", 2, {"growth-pulse-grows": [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0],
                     "growth-pulse-recommend": [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]}),
    ):  # fmt: skip
        group = history.group("growth-pulse", "2026-Q3", department)
        group.invited, group.respondents, group.counts = 8, respondents, counts
    await load_survey_history(db, history)
    await load_survey_history(db, history)  # the same history again: the same figures

    assert await assert_tallies_match_counters(db) > 0
    (q3, _) = await results.pulse(db, second_half(), SurveyMeasure.ENGAGEMENT)
    (eng,) = q3.groups  # DATA (2) folded into ENG
    assert (eng.respondents, eng.invited) == (8, 16)
    assert eng.score == (1 + 2 * 3 + 3 * 4 + 2 * 2) / 8
    assert eng.enps == 100 * (5 - 2) / 8


async def test_a_graph_without_tallies_gets_them_from_the_migration_and_the_rebuild_command(
    graph: Database, neo4j_connection: ConnectionInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = await results.pulse(graph, second_half(), SurveyMeasure.ENGAGEMENT)
    await graph.driver.execute_query(  # the groups as they were before tallies existed
        "MATCH (g:SurveyGroup) REMOVE g.question_ids, g.answers, g.sums, g.promoters, g.detractors"
    )
    before = await results.pulse(graph, second_half(), SurveyMeasure.ENGAGEMENT)
    assert before[1].groups[0].score is None  # nothing to score from

    await apply_schema(graph)  # `talentgraph db migrate`, and the service's start
    assert await results.pulse(graph, second_half(), SurveyMeasure.ENGAGEMENT) == expected

    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    for _ in range(2):
        rebuilt = await asyncio.to_thread(CliRunner().invoke, app, ["surveys", "rebuild-tallies"])
        assert rebuilt.exit_code == 0, rebuilt.output
        groups = (await graph.read("surveys/group_keys", untallied_only=False))[0]["keys"]
        assert f"{len(groups)} survey group(s) tallied" in rebuilt.output
        assert await results.pulse(graph, second_half(), SurveyMeasure.ENGAGEMENT) == expected
    await assert_tallies_match_counters(graph)
