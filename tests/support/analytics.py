"""Each analytics metric on a small organisation whose values are worked out by hand below.

ORG
├── ENG     M1 (manager of E1, E2, D1, B1), E1, E2
│   └── DATA  D1, B1
└── SALES   M2 (manager of S1, S2; offers no gig capacity), S1, S2

Everyone works 40 h a week and offers 20 % of it (8 h) except M2 (0 %).
The period is 2026-01-01 .. 2026-06-30: 181 days.

gig  dept   type        owner  published  filled       status       rate
G1   ENG    project     M1     01-05      01-15 (10d)  completed    100
G2   ENG    micro_task  E1     02-01      02-03 (2d)   completed     50
G3   SALES  project     M2     03-01      03-21 (20d)  in_progress   80
G4   DATA   project     D1     04-01      -            open          -    requires cobol, python
G5   SALES  project     S1     2025-12-01 2026-01-02   completed     60   (published before)

eng  who  gig  status     started  completed  h/wk  worked  approval by, hours  demonstrated
X1   E2   G1   completed  01-19    03-01      4     20      M1, 4 h             python 3 (had 2)
X2   D1   G2   completed  02-05    02-20      5     10      -                   sql 2 (new)
X3   E1   G3   completed  03-23    05-04      5     30      M1, 48 h            negotiation 2 (new,
                                                                                 aspired)
X4   S1   G3   active     03-23    -          4     -       M2, 1 h
X5   S2   G5   completed  2025-12-15 01-20    4     12      -"""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.support.factories import OrgFactory

FIRST, LAST = date(2026, 1, 1), date(2026, 6, 30)


PERIOD_DAYS = 181


def at(month: int, day: int, hour: int = 9, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def build_org() -> OrgFactory:
    org = OrgFactory()
    for skill in ("python", "sql", "negotiation", "leadership", "cobol"):
        org.skill(skill)
    org.department("ORG").department("ENG", parent_id="ORG").department("DATA", parent_id="ENG")
    org.department("SALES", parent_id="ORG")
    org.person("M1", "ENG").person("M2", "SALES", gig_capacity_pct=0.0)
    org.person("E1", "ENG", manager_id="M1").person("E2", "ENG", manager_id="M1")
    org.person("D1", "DATA", manager_id="M1").person("B1", "DATA", manager_id="M1")
    org.person("S1", "SALES", manager_id="M2").person("S2", "SALES", manager_id="M2")
    org.has_skill("M1", "python", 4).has_skill("M1", "leadership", 3)
    org.has_skill("E2", "python", 2).has_skill("B1", "python", 3).has_skill("S2", "cobol", 4)
    org.aspires("E1", "negotiation").aspires("B1", "cobol", 3).aspires("D1", "cobol", 1)
    org.gig(
        "G1",
        "M1",
        "ENG",
        published_at=at(1, 5),
        filled_at=at(1, 15),
        completed_at=at(3, 1),
        status="completed",
        external_hourly_rate=100.0,
    )
    org.gig(
        "G2",
        "E1",
        "ENG",
        type="micro_task",
        published_at=at(2, 1),
        filled_at=at(2, 3),
        status="completed",
        external_hourly_rate=50.0,
    )
    org.gig(
        "G3",
        "M2",
        "SALES",
        published_at=at(3, 1),
        filled_at=at(3, 21),
        status="in_progress",
        external_hourly_rate=80.0,
    )
    org.gig("G4", "D1", "DATA", published_at=at(4, 1), status="open")
    org.requires("G4", "cobol").requires("G4", "python")
    org.gig(
        "G5",
        "S1",
        "SALES",
        published_at=at(12, 1, year=2025),
        filled_at=at(1, 2),
        status="completed",
        external_hourly_rate=60.0,
    )
    org.engagement(
        "X1",
        "G1",
        "E2",
        status="completed",
        hours_per_week=4.0,
        started_at=at(1, 19),
        completed_at=at(3, 1),
        hours_worked=20.0,
        approver_id="M1",
        approval_requested_at=at(1, 16),
        approval_decided_at=at(1, 16, 13),
    )
    org.engagement(
        "X2",
        "G2",
        "D1",
        status="completed",
        hours_per_week=5.0,
        started_at=at(2, 5),
        completed_at=at(2, 20),
        hours_worked=10.0,
    )
    org.engagement(
        "X3",
        "G3",
        "E1",
        status="completed",
        hours_per_week=5.0,
        started_at=at(3, 23),
        completed_at=at(5, 4),
        hours_worked=30.0,
        approver_id="M1",
        approval_requested_at=at(3, 20),
        approval_decided_at=at(3, 22),
    )
    org.engagement(
        "X4",
        "G3",
        "S1",
        status="active",
        hours_per_week=4.0,
        started_at=at(3, 23),
        approver_id="M2",
        approval_requested_at=at(3, 20),
        approval_decided_at=at(3, 20, 10),
    )
    org.engagement(
        "X5",
        "G5",
        "S2",
        status="completed",
        hours_per_week=4.0,
        started_at=at(12, 15, year=2025),
        completed_at=at(1, 20),
        hours_worked=12.0,
    )
    org.demonstrated("X1", "python", 3).demonstrated("X2", "sql", 2)
    org.demonstrated("X3", "negotiation", 2)
    return org  # fmt: skip
