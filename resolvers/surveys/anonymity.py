"""The anonymity floor: pulse results only for groups of at least `floor` respondents.

Answers are counted per quarter and department (`SurveyGroup`, `SurveyScore`); no answer is
stored with its author. Before anything is shown, each quarter's departments are folded bottom-up
through the department tree: a department whose respondents (its own plus what its small
sub-departments passed up) are fewer than the floor is folded into its parent, and a top
department still under the floor is not shown at all. Folding runs for the whole organisation at
once, so every department scope sees the same groups, and a scope's total is the sum of the groups
it shows (never the raw total, whose difference with the groups would reveal a small one).
Comments are shown only with a group that is shown, sorted, so neither their author nor their
sub-department shows.

Pure functions over the rows of `cypher/analytics/pulse_groups.cypher` and `pulse_scores`.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

VALUES = range(11)
"""The values an answer may take, 0 (nps) or 1 (scale) to 10 (nps) or 5 (scale): counts' indexes."""
PROMOTER_MIN = 9
DETRACTOR_MAX = 6


@dataclass
class Tally:
    """Answers of one or more departments added up: respondents, invited, comments and per
    question how often each value (0..10) was given."""

    respondents: int = 0
    invited: int = 0
    comments: list[str] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.respondents += other.respondents
        self.invited += other.invited
        self.comments.extend(other.comments)
        for question_id, counts in other.counts.items():
            mine = self.counts.get(question_id)
            self.counts[question_id] = (
                list(counts) if mine is None else [a + b for a, b in zip(mine, counts, strict=True)]
            )


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str


@dataclass(frozen=True)
class DepartmentRef:
    id: str
    name: str


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    answers: int
    mean: float | None = None
    enps: float | None = None


@dataclass(frozen=True)
class PulseGroup:
    """One group shown: a department with the sub-departments folded into it."""

    period: str
    department: DepartmentRef
    includes: tuple[DepartmentRef, ...]
    respondents: int
    invited: int
    score: float | None
    enps: float | None
    questions: tuple[QuestionResult, ...]
    comments: tuple[str, ...]
    previous_score: float | None = None

    @property
    def response_rate(self) -> float | None:
        return self.respondents / self.invited if self.invited else None

    @property
    def trend(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score


@dataclass(frozen=True)
class PulsePeriod:
    """A quarter's groups within the scope, and their sum."""

    period: str
    total: PulseGroup | None
    groups: tuple[PulseGroup, ...]


@dataclass
class _Quarter:
    """One quarter's raw tallies by department, and the tree their lines describe."""

    own: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    parent: dict[str, str | None] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def _read(
    groups: Iterable[Mapping[str, Any]],
    scores: Iterable[Mapping[str, Any]],
    level: int | None,
) -> tuple[dict[str, _Quarter], dict[str, Question]]:
    """Each quarter's tallies by department (with `level`, by the department's ancestor at that
    depth of the tree, 0 the top) and the tree their lines describe."""
    quarters: dict[str, _Quarter] = defaultdict(_Quarter)
    owner: dict[str, str] = {}  # a department -> the department its answers count for
    for row in groups:
        quarter = quarters[row["period"]]
        line: Sequence[Mapping[str, str]] = row["line"] or [
            {"id": row["department_id"], "name": row["department_id"]}
        ]
        if level is not None and len(line) > level + 1:
            line = line[len(line) - level - 1 :]
        owner[row["department_id"]] = line[0]["id"]
        for index, department in enumerate(line):
            quarter.names[department["id"]] = department["name"]
            quarter.depth[department["id"]] = len(line) - 1 - index
            quarter.parent[department["id"]] = (
                line[index + 1]["id"] if index + 1 < len(line) else None
            )
        quarter.own[line[0]["id"]].add(
            Tally(row["respondents"], row["invited"], list(row["comments"]))
        )
    questions: dict[str, Question] = {}
    for row in scores:
        questions[row["question_id"]] = Question(row["question_id"], row["kind"], row["text"])
        counts = {row["question_id"]: list(row["counts"])}
        department_id = owner.get(row["department_id"], row["department_id"])
        quarters[row["period"]].own[department_id].add(Tally(counts=counts))
    return quarters, questions


def _results(tally: Tally, questions: Mapping[str, Question]) -> tuple[QuestionResult, ...]:
    results = []
    for question_id in sorted(tally.counts):
        question = questions[question_id]
        counts = tally.counts[question_id]
        answers = sum(counts)
        if question.kind == "nps":
            results.append(QuestionResult(question, answers, enps=_enps(counts)))
        else:
            results.append(QuestionResult(question, answers, mean=_mean([counts])))
    return tuple(results)


def _mean(counts: Sequence[Sequence[int]]) -> float | None:
    answers = sum(map(sum, counts))
    total = sum(sum(map(operator.mul, VALUES, c)) for c in counts)
    return total / answers if answers else None


def _enps(counts: Sequence[int]) -> float | None:
    answers = sum(counts)
    if not answers:
        return None
    promoters = sum(counts[PROMOTER_MIN:])
    detractors = sum(counts[: DETRACTOR_MAX + 1])
    return 100.0 * (promoters - detractors) / answers


def summarise(
    period: str,
    department: DepartmentRef,
    includes: Sequence[DepartmentRef],
    tally: Tally,
    questions: Mapping[str, Question],
) -> PulseGroup:
    scale = [c for q, c in tally.counts.items() if questions[q].kind == "scale"]
    nps = [c for q, c in tally.counts.items() if questions[q].kind == "nps"]
    promoters = [sum(x) for x in zip(*nps, strict=True)] if nps else []
    return PulseGroup(
        period=period,
        department=department,
        includes=tuple(includes),
        respondents=tally.respondents,
        invited=tally.invited,
        score=_mean(scale),
        enps=_enps(promoters) if promoters else None,
        questions=_results(tally, questions),
        comments=tuple(sorted(tally.comments)),
    )


@dataclass(frozen=True)
class _Folded:
    department: DepartmentRef
    includes: tuple[DepartmentRef, ...]
    tally: Tally


def _fold(quarter: _Quarter, floor: int) -> list[_Folded]:
    """The quarter's groups after folding small departments into their parents, deepest first."""
    carried: dict[str, tuple[Tally, list[DepartmentRef]]] = {}
    shown: list[_Folded] = []
    for department_id in sorted(quarter.depth, key=lambda d: (-quarter.depth[d], d)):
        ref = DepartmentRef(department_id, quarter.names[department_id])
        tally, includes = carried.pop(department_id, (Tally(), []))
        tally.add(quarter.own.get(department_id, Tally()))
        if tally.respondents >= floor:
            shown.append(_Folded(ref, tuple(sorted(includes, key=lambda d: d.id)), tally))
            continue
        parent = quarter.parent[department_id]
        if parent is None:
            continue  # a top department still under the floor: shown nowhere
        if department_id in quarter.own:
            includes.append(ref)
        into, into_includes = carried.setdefault(parent, (Tally(), []))
        into.add(tally)
        into_includes.extend(includes)
    return shown


def _in_scope(quarter: _Quarter, department_id: str, scope: str | None) -> bool:
    current: str | None = department_id
    while current is not None:
        if scope is None or current == scope:
            return True
        current = quarter.parent.get(current)
    return False


def _scoped(
    quarters: Mapping[str, _Quarter], floor: int, scope: str | None
) -> dict[str, list[_Folded]]:
    return {
        period: [f for f in _fold(quarter, floor) if _in_scope(quarter, f.department.id, scope)]
        for period, quarter in quarters.items()
    }


def _sum(groups: Sequence[_Folded]) -> Tally:
    tally = Tally()
    for group in groups:
        tally.add(group.tally)
    return tally


def pulse_periods(
    groups: Iterable[Mapping[str, Any]],
    scores: Iterable[Mapping[str, Any]],
    periods: Sequence[str],
    floor: int,
    scope: DepartmentRef | None = None,
    level: int | None = None,
) -> list[PulsePeriod]:
    """The folded groups of each of `periods` (in order; the rows may also hold the quarter before
    the first, for its trend) within the `scope` department's subtree, each with its
    score in the previous quarter, and the sum of the groups shown as the scope's total. With
    `level`, departments deeper in the tree count as their ancestor at that depth (0: the top
    departments), before the floor."""
    quarters, questions = _read(groups, scores, level)
    folded = _scoped(quarters, floor, scope.id if scope else None)
    whole = scope or DepartmentRef("", "the whole organisation")
    summaries = {
        period: {
            f.department.id: summarise(period, f.department, f.includes, f.tally, questions)
            for f in groups
        }
        for period, groups in folded.items()
    }
    result = []
    for period in periods:
        before = previous_quarter(period)
        previous = summaries.get(before, {})
        shown = tuple(
            replace(group, previous_score=previous[id].score if id in previous else None)
            for id, group in summaries.get(period, {}).items()
        )
        total = None
        if shown:
            earlier = folded.get(before, [])
            total = replace(
                summarise(period, whole, (), _sum(folded[period]), questions),
                previous_score=summarise(before, whole, (), _sum(earlier), questions).score
                if earlier
                else None,
            )
        result.append(PulsePeriod(period, total, shown))
    return result


def previous_quarter(period: str) -> str:
    year, quarter = int(period[:4]), int(period[-1])
    return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"
