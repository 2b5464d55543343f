"""The demo organisation's 18 months of pulse answers: deterministic, anonymous by construction,
and telling the story the marketplace should produce (engagement rising where people grow)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

from seed.generate import generate_org
from seed.org import OrgData
from seed.survey_history import (
    QuestionSpec,
    SurveyHistory,
    SurveySpec,
    generate_survey_history,
)
from seed.taxonomy import read_taxonomy

AS_OF = date(2026, 11, 1)
SURVEYS = (
    SurveySpec("growth-pulse", "quarterly", "everyone", 30, (
        QuestionSpec("grows", "scale"), QuestionSpec("recommend", "nps"),
        QuestionSpec("comment", "comment"))),
    SurveySpec("manager-pulse", "quarterly", "managers", 30, (
        QuestionSpec("helps", "scale"), QuestionSpec("recognised", "scale"))),
    SurveySpec("gig-helper", "after_gig", "helpers", 30, (
        QuestionSpec("grew", "scale"), QuestionSpec("again", "scale"))),
    SurveySpec("gig-owner", "after_gig", "owners", 30, (QuestionSpec("post", "scale"),)),
)  # fmt: skip


@cache
def organisation() -> OrgData:
    return generate_org(read_taxonomy(), 3000, seed=5, as_of=AS_OF)


@cache
def history() -> SurveyHistory:
    return generate_survey_history(organisation(), SURVEYS, seed=5, as_of=AS_OF)


def mean(counts: list[int]) -> float:
    return sum(v * c for v, c in enumerate(counts)) / sum(counts)


def test_six_whole_quarters_before_today_and_the_same_history_for_the_same_seed() -> None:
    periods = sorted({round.period for round in history().rounds})
    assert periods == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    again = generate_survey_history(organisation(), SURVEYS, seed=5, as_of=AS_OF)
    assert again.group_rows() == history().group_rows()
    assert again.score_rows() == history().score_rows()


def test_answers_are_counted_per_department_and_never_per_person() -> None:
    people = {p.id for p in organisation().people}
    departments = {d.id for d in organisation().departments}
    for row in history().group_rows():
        assert row["department_id"] in departments
        assert not any(part in people for part in str(row["key"]).split("/"))
    growth = [r for r in history().group_rows() if r["survey_id"] == "growth-pulse"]
    invited = sum(int(str(r["invited"])) for r in growth)
    answered = sum(int(str(r["respondents"])) for r in growth)
    assert invited == 6 * 3000
    assert 0.55 < answered / invited < 0.8


def test_engagement_rises_in_departments_whose_people_take_growth_gigs() -> None:
    org = organisation()
    department_of = {p.id: p.department_id for p in org.people}
    gig_department = {g.id: g.department_id for g in org.gigs}
    growers: dict[str, set[str]] = defaultdict(set)
    for e in org.engagements:
        if e.status == "completed" and gig_department[e.gig_id] != department_of[e.person_id]:
            growers[department_of[e.person_id]].add(e.person_id)
    size: dict[str, int] = defaultdict(int)
    for p in org.people:
        size[p.department_id] += 1
    scores: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for row in history().score_rows():
        if row["question_id"] == "grows":
            counts = row["counts"]
            assert isinstance(counts, list)
            scores[str(row["department_id"])][str(row["period"])] = counts

    def change(departments: list[str]) -> float:
        """The mean of the last half year's answers against the first half year's."""
        first = [0] * 11
        last = [0] * 11
        for d in departments:
            for period, into in (("2025-Q2", first), ("2025-Q3", first),
                                 ("2026-Q2", last), ("2026-Q3", last)):  # fmt: skip
                for v, c in enumerate(scores[d].get(period, [0] * 11)):
                    into[v] += c
        return mean(last) - mean(first)

    growing = [d for d in scores if len(growers[d]) / size[d] >= 0.08]
    still = [d for d in scores if not growers[d]]
    assert len(growing) > 20
    assert len(still) > 20
    assert change(growing) > 0.2
    assert abs(change(still)) < 0.1
