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

from datetime import UTC, datetime

from graph.database import Database
from resolvers.surveys import pulses
from resolvers.surveys.pulses import Answer, SurveyAnswer
from service.auth import Viewer
from tests.factories import OrgFactory

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
