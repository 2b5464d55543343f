"""The anonymity floor's folding on department trees whose groups are worked out by hand.

ORG (2 respondents of its own)
├── P (none of its own)
│   ├── C1  6 respondents   -> shown alone
│   └── C2  4 respondents   -> folded into P (4), still short: P folded into ORG
└── T (1)
    └── B (1)
        └── B1 (2)          -> B1 into B (3), B into T (4), T into ORG
ORG: 2 + 4 (P with C2) + 4 (T with B, B1) = 10 -> shown, including P, C2, T, B, B1.
"""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.surveys.anonymity import DepartmentRef, PulsePeriod
from tests.support.surveys import fold_counters as fold

QUESTION = "grows"


def row(
    period: str, line: list[str], respondents: int, value: int = 3, **extra: Any
) -> dict[str, Any]:
    counts = [0] * 11
    counts[value] = respondents
    return {
        "period": period,
        "department_id": line[0],
        "line": [{"id": id, "name": f"Dept {id}"} for id in line],
        "invited": extra.get("invited", respondents),
        "respondents": respondents,
        "comments": extra.get("comments", []),
        "scores": [
            {"question_id": QUESTION, "kind": "scale", "text": "Grows me", "counts": counts}
        ],
    }


def pulse_periods(
    rows: list[dict[str, Any]],
    periods: list[str],
    floor: int,
    scope: DepartmentRef | None = None,
    level: int | None = None,
) -> list[PulsePeriod]:
    """Folds rows given as one dict per group with its `scores`, as the two queries return them."""
    groups = [{k: v for k, v in r.items() if k != "scores"} for r in rows]
    scores = [
        {"period": r["period"], "department_id": r["department_id"]} | score
        for r in rows
        for score in r["scores"]
    ]
    return fold(groups, scores, periods, floor, scope, level)


ROWS = [
    row("2026-Q4", ["ORG"], 2, value=5),
    row("2026-Q4", ["C1", "P", "ORG"], 6, value=4, comments=["c1 says hi"]),
    row("2026-Q4", ["C2", "P", "ORG"], 4, value=1, comments=["only c2"]),
    row("2026-Q4", ["T", "ORG"], 1, value=2),
    row("2026-Q4", ["B", "T", "ORG"], 1, value=2),
    row("2026-Q4", ["B1", "B", "T", "ORG"], 2, value=2, invited=5),
]


def test_small_departments_fold_upwards_until_the_group_reaches_the_floor() -> None:
    (quarter,) = pulse_periods(ROWS, ["2026-Q4"], floor=5)
    groups = {group.department.id: group for group in quarter.groups}
    assert set(groups) == {"C1", "ORG"}
    assert groups["C1"].respondents == 6
    assert groups["C1"].includes == ()
    org = groups["ORG"]
    assert org.respondents == 10
    assert org.invited == 13  # B1 invited 5 and 2 answered
    assert [d.id for d in org.includes] == ["B", "B1", "C2", "T"]
    # 2 x 5 + 4 x 1 + 4 x 2 over 10 answers
    assert org.score == pytest.approx(2.2)
    assert org.response_rate == pytest.approx(10 / 13)
    assert org.comments == ("only c2",)
    assert all(group.respondents >= 5 for group in quarter.groups)


def test_a_scope_shows_only_its_groups_and_their_sum_never_the_raw_total() -> None:
    (inside_p,) = pulse_periods(ROWS, ["2026-Q4"], floor=5, scope=DepartmentRef("P", "Dept P"))
    assert [group.department.id for group in inside_p.groups] == ["C1"]
    assert inside_p.total is not None
    assert inside_p.total.respondents == 6
    (inside_c2,) = pulse_periods(ROWS, ["2026-Q4"], floor=5, scope=DepartmentRef("C2", "Dept C2"))
    assert inside_c2.groups == ()
    assert inside_c2.total is None


def test_a_group_under_the_floor_at_the_top_is_shown_nowhere() -> None:
    rows = [row("2026-Q4", ["S", "ORG"], 3, comments=["secret"]), row("2026-Q4", ["ORG"], 1)]
    (quarter,) = pulse_periods(rows, ["2026-Q4"], floor=5)
    assert quarter.groups == ()
    assert quarter.total is None


def test_the_floor_is_configurable() -> None:
    rows = [row("2026-Q4", ["S", "ORG"], 3), row("2026-Q4", ["ORG"], 1)]
    (quarter,) = pulse_periods(rows, ["2026-Q4"], floor=3)
    assert [(g.department.id, g.respondents) for g in quarter.groups] == [("S", 3)]


def test_trend_compares_with_the_same_group_a_quarter_before() -> None:
    rows = [row("2026-Q3", ["C1", "P", "ORG"], 5, value=3), *ROWS]
    q3, q4 = pulse_periods(rows, ["2026-Q3", "2026-Q4"], floor=5)
    c1 = next(group for group in q4.groups if group.department.id == "C1")
    assert (c1.score, c1.previous_score) == (4.0, 3.0)
    assert c1.trend == pytest.approx(1.0)
    assert q3.groups[0].previous_score is None
    assert q3.groups[0].trend is None
    assert q4.total is not None
    assert q4.total.previous_score == pytest.approx(3.0)


def test_enps_counts_promoters_minus_detractors() -> None:
    counts = [0] * 11
    counts[10], counts[9], counts[8], counts[6], counts[0] = 2, 1, 1, 1, 1
    nps = row("2026-Q4", ["ORG"], 6)
    nps["scores"] = [
        {"question_id": "recommend", "kind": "nps", "text": "Recommend", "counts": counts}
    ]
    (quarter,) = pulse_periods([nps], ["2026-Q4"], floor=5)
    assert quarter.groups[0].enps == pytest.approx(100 * (3 - 2) / 6)
    assert quarter.groups[0].score is None


def test_a_level_rolls_departments_up_to_their_ancestor_at_that_depth_before_the_floor() -> None:
    (top,) = pulse_periods(ROWS, ["2026-Q4"], floor=5, level=1)
    groups = {group.department.id: group for group in top.groups}
    # P: C1 6 + C2 4; T: B and B1 count as T (4), too few: folded into ORG (2 of its own)
    assert {id: g.respondents for id, g in groups.items()} == {"P": 10, "ORG": 6}
    assert groups["P"].includes == ()
    assert [d.id for d in groups["ORG"].includes] == ["T"]
    (org,) = pulse_periods(ROWS, ["2026-Q4"], floor=5, level=0)
    assert [(g.department.id, g.respondents) for g in org.groups] == [("ORG", 16)]
