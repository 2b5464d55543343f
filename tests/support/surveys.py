"""The organisation of the survey tests and its answers, given through the real resolvers.

ORG
├── ENG    M1 (manager of E1..E5 and D1..D4), E1..E5
│   └── DATA  D1..D4                 (a department of 4: never shown alone)
└── SALES  M2 (manager of S1..S4), S1..S4

Growth pulse (scale "grows me" 1-5, recommend 0-10), rounds opened 2026-07-01 and 2026-10-01:
Q3: M1, E1..E4 answer 3 and 7.                        ENG: 5 of 10 invited (DATA folded in)
Q4: M1 5/10; E1 4/10, E2 4/9, E3 4/8, E4 4/3; E5 silent;
    D1 2/9, D2 2/9, D3 2/6, D4 2/6                    ENG with DATA: 9 of 10 invited
    score (5 + 4*4 + 4*2) / 9 = 29/9; promoters M1 E1 E2 D1 D2, detractors E4 D3 D4:
    eNPS (5 - 3) / 9 * 100; trend 29/9 - 3
    M2, S1, S2 answer                                  SALES: 3, folded into ORG: shown nowhere
Managers' pulse Q4: M1 and M2 answer (1 each)         2 respondents: shown nowhere at floor 5
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from graph.database import Database
from resolvers.identity import Viewer
from resolvers.surveys import pulses
from resolvers.surveys.anonymity import DepartmentRef, PulsePeriod, pulse_periods
from resolvers.surveys.pulses import Answer, SurveyAnswer
from tests.support.factories import OrgFactory

SECRET = "survey-test-secret"
HR = Viewer("H1", frozenset({"employee", "hr"}))
Q3_OPEN, Q3_ANSWER = datetime(2026, 7, 1, 8, tzinfo=UTC), datetime(2026, 7, 10, 9, tzinfo=UTC)
Q4_OPEN, Q4_ANSWER = datetime(2026, 10, 1, 8, tzinfo=UTC), datetime(2026, 10, 10, 9, tzinfo=UTC)


def person(id: str) -> Viewer:
    return Viewer(id, frozenset({"employee"}))


def build_org() -> OrgFactory:
    org = OrgFactory()
    org.department("ORG").department("ENG", parent_id="ORG").department("DATA", parent_id="ENG")
    org.department("SALES", parent_id="ORG").department("HRD", parent_id="ORG")
    org.person("M1", "ENG").person("M2", "SALES").person("H1", "HRD")
    for i in range(1, 6):
        org.person(f"E{i}", "ENG", manager_id="M1")
    for i in range(1, 5):
        org.person(f"D{i}", "DATA", manager_id="M1").person(f"S{i}", "SALES", manager_id="M2")
    org.gig("G1", "M1", "ENG", status="completed", completed_at=datetime(2026, 10, 5, tzinfo=UTC))
    org.engagement(
        "X1", "G1", "S1", status="completed", hours_per_week=4.0, hours_worked=12.0, rating=5,
        started_at=datetime(2026, 9, 1, tzinfo=UTC), completed_at=datetime(2026, 10, 5, tzinfo=UTC),
    )  # fmt: skip
    return org


async def answer(db: Database, who: str, survey: str, subject: str, *values: int, at: datetime,
                 comment: str | None = None) -> None:  # fmt: skip
    definition = (await pulses.surveys(db, [survey]))[0]
    rated = [q for q in definition.questions if q.kind != "comment"]
    given = tuple(Answer(q.id, v) for q, v in zip(rated, values, strict=True))
    await pulses.answer_survey(
        db, person(who), SECRET, SurveyAnswer(survey, subject, given, comment), at
    )


async def build_answers(db: Database) -> None:
    await pulses.open_rounds(db, HR, Q3_OPEN)
    for who in ("M1", "E1", "E2", "E3", "E4"):
        await answer(db, who, "growth-pulse", "2026-Q3", 3, 7, at=Q3_ANSWER)
    await pulses.open_rounds(db, HR, Q4_OPEN)
    q4 = {"M1": (5, 10), "E1": (4, 10), "E2": (4, 9), "E3": (4, 8), "E4": (4, 3),
          "D1": (2, 9), "D2": (2, 9), "D3": (2, 6), "D4": (2, 6),
          "M2": (5, 10), "S1": (5, 10), "S2": (1, 0)}  # fmt: skip
    for who, values in q4.items():
        comment = "data says hi" if who == "D1" else ("sales secret" if who == "S1" else None)
        await answer(db, who, "growth-pulse", "2026-Q4", *values, at=Q4_ANSWER, comment=comment)
    for who in ("M1", "M2"):
        await answer(db, who, "manager-pulse", "2026-Q4", 4, 4, at=Q4_ANSWER)


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def culture_org() -> OrgFactory:
    """Champions, stories and catalysts, 2026 (tests/test_champions.py, tests/test_stories.py):

    ORG
    ├── A  A1 (manager of A2, A3), A2, A3
    ├── B  B1 (manager of B2), B2
    └── C  C1 (manager of C2..C6), C2..C6

    gig  dept  owner  helper  rating  completed  worked  rate  notes
    GB1  B     B1     A2      5       03-01      20      100   XB1
    GC1  C     C1     A2      4       04-01      10      80    XC1: sql shown (new to A2)
         C     C1     C2      5       04-01      10      80    XC2: A2 endorses C2's sql
    GC2  C     C1     B2      3       04-10      6       80    XC3
    GA1  A     A1     A3      5       05-01      8       50    XA1: A1 approved 04-10 -> 04-11
    GX   A     A1     A3      -       active                   XA2 (no story before the end)
    """
    org = OrgFactory().skill("sql")
    org.department("ORG").department("A", "Alpha", "ORG").department("B", "Beta", "ORG")
    org.department("C", "Gamma", "ORG")
    org.person("A1", "A").person("A2", "A", manager_id="A1").person("A3", "A", manager_id="A1")
    org.person("B1", "B").person("B2", "B", manager_id="B1").person("C1", "C")
    for i in range(2, 7):
        org.person(f"C{i}", "C", manager_id="C1")
    org.person("H1", "ORG")
    gigs = (("GB1", "B1", "B", 100.0, at(3, 1)), ("GC1", "C1", "C", 80.0, at(4, 1)),
            ("GC2", "C1", "C", 80.0, at(4, 10)), ("GA1", "A1", "A", 50.0, at(5, 1)))  # fmt: skip
    for gig, owner, department, rate, done in gigs:
        org.gig(gig, owner, department, status="completed", external_hourly_rate=rate,
                completed_at=done, seats=2)  # fmt: skip
    org.gig("GX", "A1", "A", status="in_progress")
    engagements = (("XB1", "GB1", "A2", 5, at(3, 1), 20.0), ("XC1", "GC1", "A2", 4, at(4, 1), 10.0),
                   ("XC2", "GC1", "C2", 5, at(4, 1), 10.0), ("XC3", "GC2", "B2", 3, at(4, 10), 6.0),
                   ("XA1", "GA1", "A3", 5, at(5, 1), 8.0))  # fmt: skip
    for id, gig, helper, rating, done, worked in engagements:
        approval = (
            {
                "approver_id": "A1",
                "approval_requested_at": at(4, 10),
                "approval_decided_at": at(4, 11),
            }
            if id == "XA1"
            else {}
        )
        org.engagement(id, gig, helper, status="completed", rating=rating, completed_at=done,
                       started_at=at(2, 1), hours_worked=worked, **approval)  # fmt: skip
    org.engagement("XA2", "GX", "A3", status="active", started_at=at(5, 2))
    org.demonstrated("XC1", "sql", 2).demonstrated("XC2", "sql", 3)
    org.has_skill("C2", "sql", 3)
    return org


def fold_counters(
    groups: Sequence[Mapping[str, Any]],
    scores: Sequence[Mapping[str, Any]],
    periods: Sequence[str],
    floor: int,
    scope: DepartmentRef | None = None,
    level: int | None = None,
) -> list[PulsePeriod]:
    """The pulse results computed from the raw counters, as `analytics/pulse_groups` (each group
    with its department's line to the top) and `analytics/pulse_scores` (how often each value
    was given per question) return them, without the stored tallies: each question's answers,
    sum, promoters (9-10) and detractors (0-6) counted here from its values, the tree taken from
    the lines, then the same floor."""
    departments: dict[str, dict[str, Any]] = {}
    for group in groups:
        line = group["line"] or []
        for index, department in enumerate(line):
            parent = line[index + 1]["id"] if index + 1 < len(line) else None
            departments[department["id"]] = department | {"parent_id": parent}
    counted: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(dict)
    questions = {}
    for score in scores:
        counts = score["counts"]
        counted[score["period"], score["department_id"]][score["question_id"]] = [
            sum(counts),
            sum(value * n for value, n in enumerate(counts)),
            sum(counts[9:]),
            sum(counts[:7]),
        ]
        questions[score["question_id"]] = {
            "id": score["question_id"], "kind": score["kind"], "text": score["text"]
        }  # fmt: skip
    by_period: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in groups:
        figures = counted.pop((group["period"], group["department_id"]), {})
        by_period[group["period"]].append(
            {
                "department_id": group["department_id"],
                "invited": group["invited"],
                "respondents": group["respondents"],
                "comments": group["comments"],
                "question_ids": list(figures),
                "answers": [f[0] for f in figures.values()],
                "sums": [f[1] for f in figures.values()],
                "promoters": [f[2] for f in figures.values()],
                "detractors": [f[3] for f in figures.values()],
            }
        )
    tallies = [{"period": period, "groups": rows} for period, rows in by_period.items()]
    return pulse_periods(
        departments.values(), tallies, questions.values(), periods, floor, scope, level
    )
