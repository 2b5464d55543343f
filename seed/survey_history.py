"""Eighteen months of pulse survey answers for a generated organisation, believable by design.

`generate_survey_history(org, surveys, seed, as_of)` answers the default surveys for the six
whole quarters before `as_of`'s, the way the service stores answers: counters per survey, quarter
and department (`SurveyGroup`, `SurveyScore`), never a person. What drives the answers:

* engagement ("I can find work here that grows me", would you recommend the marketplace) rises
  with the share of a department's people who have taken a growth gig so far (a completed gig of
  another department on which they showed an aspired or new skill), and a little more for the
  people who grew themselves in the last half year; departments without growth gigs stay flat;
* managers' sentiment on sharing rises with the share of their reports who grew elsewhere;
* after each completed gig the helper says it grew them when it did, and would go again when it
  was rated well; owners would post again as their helpers' ratings were good;
* about 60-75% answer a quarterly pulse (more where people grow), 60% a gig survey; one in eight
  leaves a comment, in words that fit their score.

Deterministic per seed; the generator of the organisation is untouched, so the same organisation
comes out with or without its history.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from seed.org import OrgData

QUARTERS = 6
RESPONSE_RATE = 0.6
COMMENT_RATE = 0.125
COMMENTS = {
    "low": (
        "I rarely see gigs that fit my skills.",
        "My workload leaves no room for gigs.",
        "It is not clear my manager supports this.",
        "Hard to find anything outside my own team.",
    ),
    "mid": (
        "Good idea; I would like more gigs in my area.",
        "The matching is useful, the gigs are few.",
        "More micro-tasks would make it easier to start.",
    ),
    "high": (
        "My last gig taught me more than a course would have.",
        "I met people from other departments I now work with.",
        "Taking a gig helped me move towards the role I want.",
        "Seeing my skills used elsewhere is motivating.",
    ),
}


@dataclass(frozen=True)
class QuestionSpec:
    id: str
    kind: str


@dataclass(frozen=True)
class SurveySpec:
    """The part of a survey's definition the history needs (read from the graph)."""

    id: str
    schedule: str
    audience: str
    window_days: int
    questions: tuple[QuestionSpec, ...]


@dataclass(frozen=True)
class SurveyRoundRow:
    id: str
    survey_id: str
    period: str
    opened_at: datetime
    closes_at: datetime


@dataclass
class _Group:
    invited: int = 0
    respondents: int = 0
    comments: list[str] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class SurveyHistory:
    rounds: list[SurveyRoundRow] = field(default_factory=list)
    groups: dict[tuple[str, str, str], _Group] = field(default_factory=dict)

    def group(self, survey_id: str, period: str, department_id: str) -> _Group:
        return self.groups.setdefault((survey_id, period, department_id), _Group())

    def group_rows(self) -> list[dict[str, object]]:
        return [
            {"key": "/".join(key), "survey_id": key[0], "period": key[1],
             "department_id": key[2], "invited": g.invited, "respondents": g.respondents,
             "comments": g.comments}
            for key, g in sorted(self.groups.items())
        ]  # fmt: skip

    def score_rows(self) -> list[dict[str, object]]:
        return [
            {"key": "/".join(key) + "/" + question_id, "survey_id": key[0], "period": key[1],
             "department_id": key[2], "question_id": question_id, "counts": counts}
            for key, g in sorted(self.groups.items())
            for question_id, counts in sorted(g.counts.items())
        ]  # fmt: skip


def quarter_label(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _quarter_starts(as_of: date) -> list[date]:
    year, quarter = as_of.year, (as_of.month - 1) // 3
    starts = []
    for _ in range(QUARTERS):
        year, quarter = (year - 1, 3) if quarter == 0 else (year, quarter - 1)
        starts.append(date(year, 3 * quarter + 1, 1))
    return sorted(starts)


def _clip(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


class _Answers:
    def __init__(self, history: SurveyHistory, rng: random.Random) -> None:
        self.history = history
        self.rng = rng

    def answer(self, survey: SurveySpec, period: str, department_id: str, mood: float) -> None:
        """One respondent of `mood` (about 1-5) answers every question of `survey`."""
        rng = self.rng
        group = self.history.group(survey.id, period, department_id)
        group.respondents += 1
        for question in survey.questions:
            if question.kind == "comment":
                if rng.random() < COMMENT_RATE:
                    tone = "low" if mood < 2.8 else ("high" if mood > 3.8 else "mid")
                    group.comments.insert(
                        rng.randrange(len(group.comments) + 1), rng.choice(COMMENTS[tone])
                    )
                continue
            if question.kind == "nps":
                value = _clip(rng.gauss(2.3 * mood - 1.2, 1.6), 0, 10)
            else:
                value = _clip(rng.gauss(mood, 0.75), 1, 5)
            group.counts.setdefault(question.id, [0] * 11)[value] += 1


def generate_survey_history(
    org: OrgData, surveys: Sequence[SurveySpec], seed: int, as_of: date
) -> SurveyHistory:
    rng = random.Random(f"surveys-{seed}")
    history = SurveyHistory()
    answers = _Answers(history, rng)
    starts = _quarter_starts(as_of)
    first, end = starts[0], starts[-1] + timedelta(days=92)
    department_of = {p.id: p.department_id for p in org.people}
    reports: dict[str, list[str]] = defaultdict(list)
    for person in org.people:
        if person.manager_id:
            reports[person.manager_id].append(person.id)
    gig_department = {g.id: g.department_id for g in org.gigs}
    gig_owner = {g.id: g.owner_id for g in org.gigs}
    held = {(s.person_id, s.skill_id) for s in org.person_skills}
    aspired = {(a.person_id, a.skill_id) for a in org.aspirations}
    demonstrated: dict[str, list[str]] = defaultdict(list)
    for shown in org.demonstrated_skills:
        demonstrated[shown.engagement_id].append(shown.skill_id)
    completed = [
        e for e in org.engagements
        if e.status == "completed" and e.completed_at is not None
    ]  # fmt: skip
    grew_at: dict[str, list[date]] = defaultdict(list)  # person -> days of their growth gigs
    growth_engagements = set()
    for e in completed:
        assert e.completed_at is not None
        elsewhere = gig_department[e.gig_id] != department_of.get(e.person_id)
        stretch = any(
            (e.person_id, skill) in aspired or (e.person_id, skill) not in held
            for skill in demonstrated[e.id]
        )
        if elsewhere and stretch:
            grew_at[e.person_id].append(e.completed_at.date())
            growth_engagements.add(e.id)
    members: dict[str, list[str]] = defaultdict(list)
    for person in org.people:
        members[person.department_id].append(person.id)
    tone = {d.id: rng.gauss(0.0, 0.25) for d in org.departments}
    by_kind = {(s.schedule, s.audience): s for s in surveys}

    def grown_by(person_id: str, day: date) -> bool:
        return any(when < day for when in grew_at.get(person_id, ()))

    for start in starts:
        period = quarter_label(start)
        opened = datetime.combine(start, time(8), tzinfo=UTC)
        growth = by_kind.get(("quarterly", "everyone"))
        managers = by_kind.get(("quarterly", "managers"))
        for survey in (s for s in (growth, managers) if s is not None):
            history.rounds.append(SurveyRoundRow(
                f"{survey.id}/{period}", survey.id, period, opened,
                opened + timedelta(days=survey.window_days),
            ))  # fmt: skip
        for department_id, people in sorted(members.items()):
            share = sum(grown_by(p, start) for p in people) / len(people)
            if growth is not None:
                history.group(growth.id, period, department_id).invited += len(people)
                for person_id in people:
                    if rng.random() < RESPONSE_RATE + 0.5 * share:
                        recent = any(
                            start - timedelta(days=182) <= when < start
                            for when in grew_at.get(person_id, ())
                        )
                        mood = 3.0 + tone[department_id] + 4.0 * share + (0.5 if recent else 0.0)
                        answers.answer(growth, period, department_id, mood)
            if managers is not None:
                for person_id in people:
                    team = reports.get(person_id)
                    if not team:
                        continue
                    history.group(managers.id, period, department_id).invited += 1
                    if rng.random() < 0.7:
                        shared = sum(grown_by(r, start) for r in team) / len(team)
                        mood = 2.9 + tone[department_id] + 3.0 * shared
                        answers.answer(managers, period, department_id, mood)

    helper = by_kind.get(("after_gig", "helpers"))
    owner = by_kind.get(("after_gig", "owners"))
    ratings: dict[str, list[int]] = defaultdict(list)
    for e in sorted(completed, key=lambda e: e.id):
        assert e.completed_at is not None
        day = e.completed_at.date()
        if not first <= day < end:
            continue
        ratings[e.gig_id].append(e.rating or 3)
        helper_department = department_of.get(e.person_id)
        if helper is None or helper_department is None:
            continue
        period = quarter_label(day)
        history.group(helper.id, period, helper_department).invited += 1
        if rng.random() < RESPONSE_RATE:
            grew = e.id in growth_engagements
            mood = (4.2 if grew else 3.1) + 0.25 * ((e.rating or 3) - 3)
            answers.answer(helper, period, helper_department, mood)
    for gig in sorted(org.gigs, key=lambda g: g.id):
        if owner is None or gig.completed_at is None or not ratings.get(gig.id):
            continue
        owner_department = department_of.get(gig_owner[gig.id])
        if owner_department is None:
            continue
        period = quarter_label(gig.completed_at.date())
        history.group(owner.id, period, owner_department).invited += 1
        if rng.random() < RESPONSE_RATE:
            average = sum(ratings[gig.id]) / len(ratings[gig.id])
            answers.answer(owner, period, owner_department, 3.3 + 0.45 * (average - 3))
    return history


def survey_specs(rows: Sequence[Mapping[str, Any]]) -> list[SurveySpec]:
    """Specs from the rows of `cypher/surveys/surveys.cypher`."""
    specs = []
    for row in rows:
        survey = row["survey"]
        specs.append(SurveySpec(
            id=survey["id"], schedule=survey["schedule"], audience=survey["audience"],
            window_days=survey["window_days"],
            questions=tuple(QuestionSpec(q["id"], q["kind"]) for q in survey["questions"]),
        ))  # fmt: skip
    return specs
