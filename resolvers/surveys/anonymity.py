"""The anonymity floor: pulse results only for groups of at least `floor` respondents.

Answers are counted per quarter and department (`SurveyGroup`, `SurveyScore`), each group with
its tally (per question: answers, their sum, promoters and detractors); no answer is stored with
its author. Before anything is shown, each quarter's departments are folded bottom-up
through the department tree: a department whose respondents (its own plus what its small
sub-departments passed up) are fewer than the floor is folded into its parent, and a top
department still under the floor is not shown at all. Folding runs for the whole organisation at
once, so every department scope sees the same groups, and a scope's total is the sum of the groups
it shows (never the raw total, whose difference with the groups would reveal a small one).
Comments are shown only with a group that is shown, sorted, so neither their author nor their
sub-department shows.

Pure functions over the rows of `cypher/analytics/pulse_tallies.cypher`, `pulse_questions` and
`cypher/departments/department_tree.cypher`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class QuestionTally(NamedTuple):
    """One question's answers in one or more departments: how many, the sum of their values, how
    many were promoters (9-10) and detractors (0-6)."""

    answers: int = 0
    total: int = 0
    promoters: int = 0
    detractors: int = 0

    def plus(self, other: QuestionTally) -> QuestionTally:
        return QuestionTally(
            self.answers + other.answers,
            self.total + other.total,
            self.promoters + other.promoters,
            self.detractors + other.detractors,
        )


@dataclass
class Tally:
    """Answers of one or more departments added up: respondents, invited, comments and per
    question its `QuestionTally`."""

    respondents: int = 0
    invited: int = 0
    comments: list[str] = field(default_factory=list)
    questions: dict[str, QuestionTally] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.respondents += other.respondents
        self.invited += other.invited
        self.comments.extend(other.comments)
        for question_id, tally in other.questions.items():
            mine = self.questions.get(question_id)
            self.questions[question_id] = tally if mine is None else mine.plus(tally)

    @classmethod
    def from_row(cls, group: Mapping[str, Any]) -> Tally:
        """A group of `pulse_tallies`: its counters and its per-question lists."""
        return cls(
            group["respondents"],
            group["invited"],
            list(group["comments"]),
            {
                question_id: QuestionTally(*figures)
                for question_id, *figures in zip(
                    group["question_ids"],
                    group["answers"],
                    group["sums"],
                    group["promoters"],
                    group["detractors"],
                    strict=True,
                )
            },
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
    """One quarter's raw tallies by department, and the part of the tree above them."""

    own: dict[str, Tally] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


class _Tree:
    """The department tree of `department_tree`: each department's line up to the top."""

    def __init__(self, departments: Iterable[Mapping[str, Any]]) -> None:
        self.names: dict[str, str] = {}
        self.parents: dict[str, str | None] = {}
        for department in departments:
            self.names[department["id"]] = department["name"]
            self.parents[department["id"]] = department["parent_id"]
        self.lines: dict[str, tuple[DepartmentRef, ...]] = {}

    def line(self, department_id: str) -> tuple[DepartmentRef, ...]:
        """The department, its parent, and so on to the top; a department the tree lacks (or
        whose line never reaches a top) stands alone, named by its id."""
        line = self.lines.get(department_id)
        if line is not None:
            return line
        ids: list[str] = []
        current: str | None = department_id
        while current is not None and current in self.names and current not in ids:
            ids.append(current)
            current = self.parents[current]
        if current is None:
            line = tuple(DepartmentRef(id, self.names[id]) for id in ids)
        else:
            line = (DepartmentRef(department_id, department_id),)
        self.lines[department_id] = line
        return line


def _read(
    departments: Iterable[Mapping[str, Any]],
    tallies: Iterable[Mapping[str, Any]],
    level: int | None,
) -> dict[str, _Quarter]:
    """Each quarter's tallies by department (with `level`, by the department's ancestor at that
    depth of the tree, 0 the top) and the part of the tree above them."""
    tree = _Tree(departments)
    quarters: dict[str, _Quarter] = defaultdict(_Quarter)
    for row in tallies:
        quarter = quarters[row["period"]]
        for group in row["groups"]:
            line = tree.line(group["department_id"])
            if level is not None and len(line) > level + 1:
                line = line[len(line) - level - 1 :]
            for index, department in enumerate(line):
                if department.id in quarter.depth:
                    break  # an earlier group's line: the rest of it is known
                quarter.names[department.id] = department.name
                quarter.depth[department.id] = len(line) - 1 - index
                quarter.parent[department.id] = (
                    line[index + 1].id if index + 1 < len(line) else None
                )
            tally = Tally.from_row(group)
            mine = quarter.own.setdefault(line[0].id, tally)
            if mine is not tally:
                mine.add(tally)
    return quarters


def _results(tally: Tally, questions: Mapping[str, Question]) -> tuple[QuestionResult, ...]:
    results = []
    for question_id in sorted(tally.questions):
        question = questions[question_id]
        figures = tally.questions[question_id]
        if question.kind == "nps":
            results.append(QuestionResult(question, figures.answers, enps=_enps(figures)))
        else:
            results.append(QuestionResult(question, figures.answers, mean=_mean([figures])))
    return tuple(results)


def _mean(tallies: Iterable[QuestionTally]) -> float | None:
    answers = total = 0
    for tally in tallies:
        answers += tally.answers
        total += tally.total
    return total / answers if answers else None


def _enps(tally: QuestionTally) -> float | None:
    if not tally.answers:
        return None
    return 100.0 * (tally.promoters - tally.detractors) / tally.answers


def _score(tally: Tally, questions: Mapping[str, Question]) -> float | None:
    """The mean of the scale answers, 1 to 5."""
    return _mean(t for q, t in tally.questions.items() if questions[q].kind == "scale")


def summarise(
    period: str,
    department: DepartmentRef,
    includes: Sequence[DepartmentRef],
    tally: Tally,
    questions: Mapping[str, Question],
    previous_score: float | None,
) -> PulseGroup:
    nps = [t for q, t in tally.questions.items() if questions[q].kind == "nps"]
    promoters = QuestionTally()
    for figures in nps:
        promoters = promoters.plus(figures)
    return PulseGroup(
        period=period,
        department=department,
        includes=tuple(includes),
        respondents=tally.respondents,
        invited=tally.invited,
        score=_score(tally, questions),
        enps=_enps(promoters) if nps else None,
        questions=_results(tally, questions),
        comments=tuple(sorted(tally.comments)),
        previous_score=previous_score,
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
        own = quarter.own.get(department_id)
        none_folded_in: list[DepartmentRef] = []
        tally, includes = carried.get(department_id) or (own or Tally(), none_folded_in)
        if own is not None and tally is not own:
            tally.add(own)
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
    departments: Iterable[Mapping[str, Any]],
    tallies: Iterable[Mapping[str, Any]],
    questions: Iterable[Mapping[str, Any]],
    periods: Sequence[str],
    floor: int,
    scope: DepartmentRef | None = None,
    level: int | None = None,
    groups: bool = True,
) -> list[PulsePeriod]:
    """The folded groups of each of `periods` (in order; the tallies may also hold the quarter
    before the first, for its trend) within the `scope` department's subtree, each with its
    score in the previous quarter, and the sum of the groups shown as the scope's total. With
    `level`, departments deeper in the tree count as their ancestor at that depth (0: the top
    departments), before the floor. Without `groups`, only the totals are summarised (the groups
    are still folded, as the total is their sum) and each period's `groups` is empty."""
    quarters = _read(departments, tallies, level)
    asked = {q["id"]: Question(q["id"], q["kind"], q["text"]) for q in questions}
    folded = _scoped(quarters, floor, scope.id if scope else None)
    whole = scope or DepartmentRef("", "the whole organisation")
    result = []
    for period in periods:
        found, earlier = folded.get(period, []), folded.get(previous_quarter(period), [])
        shown: tuple[PulseGroup, ...] = ()
        if groups:
            scores = {f.department.id: _score(f.tally, asked) for f in earlier}
            shown = tuple(
                summarise(
                    period, f.department, f.includes, f.tally, asked, scores.get(f.department.id)
                )
                for f in found
            )
        total = None
        if found:
            before = _score(_sum(earlier), asked) if earlier else None
            total = summarise(period, whole, (), _sum(found), asked, before)
        result.append(PulsePeriod(period, total, shown))
    return result


def previous_quarter(period: str) -> str:
    year, quarter = int(period[:4]), int(period[-1])
    return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"
