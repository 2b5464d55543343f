"""Pulse surveys on the real graph: what is due to whom, answering once, the known values of
engagement and manager sentiment after the anonymity floor, on the organisation of
`tests/support/surveys.py` (whose docstring works the values out)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest

from graph.database import Database
from graph.errors import Conflict, Forbidden, NotFound, ValidationFailed
from graph.vocabulary import SurveyMeasure
from resolvers.analytics import Scope
from resolvers.surveys import pulses, results
from resolvers.surveys.pulses import Answer, SurveyAnswer
from tests.support.surveys import (
    HR,
    Q4_ANSWER,
    Q4_OPEN,
    SECRET,
    answer,
    build_answers,
    build_org,
    person,
)


@pytest.fixture
async def graph(db: Database) -> Database:
    await build_org().load(db)
    return db


async def due(db: Database, who: str, at: datetime) -> set[tuple[str, str]]:
    return {(d.survey.id, d.subject) for d in await pulses.due_surveys(db, person(who), SECRET, at)}


async def test_a_completed_gig_asks_its_helper_and_its_owner_within_the_window(
    graph: Database,
) -> None:
    assert await due(graph, "S1", Q4_ANSWER) == {("gig-helper", "X1")}
    assert await due(graph, "M1", Q4_ANSWER) == {("gig-owner", "G1")}
    assert await due(graph, "E1", Q4_ANSWER) == set()
    assert await due(graph, "S1", datetime(2026, 11, 10, tzinfo=UTC)) == set()  # 36 days later


async def test_quarterly_surveys_are_due_to_everyone_and_to_managers_once_the_round_opens(
    graph: Database,
) -> None:
    assert await due(graph, "E1", Q4_ANSWER) == set()
    opened = await pulses.open_rounds(graph, HR, Q4_OPEN)
    assert {(r.survey_id, r.period, r.invited) for r in opened} == {
        ("growth-pulse", "2026-Q4", 16),  # every active person
        ("manager-pulse", "2026-Q4", 2),
    }
    assert await pulses.open_rounds(graph, HR, Q4_ANSWER) == []  # once a quarter
    assert await due(graph, "E1", Q4_ANSWER) == {("growth-pulse", "2026-Q4")}
    assert await due(graph, "M2", Q4_ANSWER) == {
        ("growth-pulse", "2026-Q4"),
        ("manager-pulse", "2026-Q4"),
    }
    assert await due(graph, "E1", datetime(2026, 11, 15, tzinfo=UTC)) == set()  # round closed
    notices = await graph.read("workflow/notifications", person_id="E1", unread_only=True,
                               since=None, first=10)  # fmt: skip
    assert [n["notification"]["kind"] for n in notices] == ["survey_due"]


async def test_only_hr_opens_rounds(graph: Database) -> None:
    with pytest.raises(Forbidden):
        await pulses.open_rounds(graph, person("E1"), Q4_OPEN)


async def test_a_survey_is_answered_once(graph: Database) -> None:
    await pulses.open_rounds(graph, HR, Q4_OPEN)
    await answer(graph, "E1", "growth-pulse", "2026-Q4", 4, 10, at=Q4_ANSWER)
    assert await due(graph, "E1", Q4_ANSWER) == set()
    with pytest.raises(Conflict, match="already"):
        await answer(graph, "E1", "growth-pulse", "2026-Q4", 1, 0, at=Q4_ANSWER)
    group = (await graph.read("analytics/pulse_groups", measures="engagement",
                              periods=["2026-Q4"]))  # fmt: skip
    eng = next(row for row in group if row["department_id"] == "ENG")
    assert eng["respondents"] == 1


async def test_two_answers_at_once_count_once(graph: Database) -> None:
    await pulses.open_rounds(graph, HR, Q4_OPEN)
    outcomes = await asyncio.gather(
        *(answer(graph, "E2", "growth-pulse", "2026-Q4", 4, 9, at=Q4_ANSWER) for _ in range(4)),
        return_exceptions=True,
    )
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(o, Conflict) for o in outcomes if o is not None)
    rows = await graph.read("analytics/pulse_groups", measures="engagement", periods=["2026-Q4"])
    assert next(r for r in rows if r["department_id"] == "ENG")["respondents"] == 1


async def test_bad_answers_are_refused_and_change_nothing(graph: Database) -> None:
    await pulses.open_rounds(graph, HR, Q4_OPEN)
    with pytest.raises(ValidationFailed, match="between 1 and 5"):
        await answer(graph, "E1", "growth-pulse", "2026-Q4", 6, 9, at=Q4_ANSWER)
    with pytest.raises(ValidationFailed, match="unanswered"):
        await pulses.answer_survey(graph, person("E1"), SECRET, SurveyAnswer(
            "growth-pulse", "2026-Q4", (Answer("growth-pulse-grows", 3),)), Q4_ANSWER)  # fmt: skip
    with pytest.raises(NotFound):
        await answer(graph, "E1", "manager-pulse", "2026-Q4", 3, 3, at=Q4_ANSWER)  # not a manager
    with pytest.raises(NotFound):
        await answer(graph, "E1", "gig-helper", "X1", 3, 3, at=Q4_ANSWER)  # not their gig
    assert await due(graph, "E1", Q4_ANSWER) == {("growth-pulse", "2026-Q4")}
    rows = await graph.read("analytics/pulse_groups", measures="engagement", periods=["2026-Q4"])
    assert all(row["respondents"] == 0 for row in rows)


async def test_nothing_in_the_graph_joins_an_answer_to_its_author(graph: Database) -> None:
    await pulses.open_rounds(graph, HR, Q4_OPEN)
    await answer(graph, "D1", "growth-pulse", "2026-Q4", 2, 9, at=Q4_ANSWER, comment="only D1")
    linked = await graph.read("admin/survey_links")
    assert linked == [{"answer_links": 0, "marker_links": 0, "marker_properties": [["key"]]}]


def q4(department_id: str | None = None) -> Scope:
    return Scope.for_dates(date(2026, 10, 1), date(2026, 12, 31), department_id)


async def test_engagement_per_quarter_and_department_after_the_floor(graph: Database) -> None:
    await build_answers(graph)
    (quarter,) = await results.pulse(graph, q4(), SurveyMeasure.ENGAGEMENT)
    assert quarter.period == "2026-Q4"
    (eng,) = quarter.groups  # SALES (3) and DATA (4) are never shown alone
    assert eng.department.id == "ENG"
    assert [d.id for d in eng.includes] == ["DATA"]
    assert (eng.respondents, eng.invited) == (9, 10)
    assert eng.response_rate == pytest.approx(0.9)
    assert eng.score == pytest.approx(29 / 9)
    assert eng.enps == pytest.approx(100 * 2 / 9)
    assert eng.previous_score == pytest.approx(3.0)
    assert eng.trend == pytest.approx(29 / 9 - 3)
    assert eng.comments == ("data says hi",)
    assert quarter.total is not None
    assert quarter.total.respondents == 9


async def test_a_department_of_four_is_never_shown_alone(graph: Database) -> None:
    await build_answers(graph)
    (inside,) = await results.pulse(graph, q4("DATA"), SurveyMeasure.ENGAGEMENT)
    assert inside.groups == ()
    assert inside.total is None
    (sales,) = await results.pulse(graph, q4("SALES"), SurveyMeasure.ENGAGEMENT)
    assert sales.groups == ()
    assert sales.total is None


async def test_manager_sentiment_is_shown_only_for_groups_above_the_floor(graph: Database) -> None:
    await build_answers(graph)
    (quarter,) = await results.pulse(graph, q4(), SurveyMeasure.MANAGER_SENTIMENT)
    assert quarter.groups == ()
    (low,) = await results.pulse(graph, q4(), SurveyMeasure.MANAGER_SENTIMENT, floor=2)
    (org,) = low.groups
    assert (org.department.id, org.respondents, org.score) == ("ORG", 2, 4.0)
    assert [d.id for d in org.includes] == ["ENG", "SALES"]
