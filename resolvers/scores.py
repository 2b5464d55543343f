"""How a match's numbers are shown: a score on 0-100 in a band, figures rounded where they are
shown with the contributions still adding up to the score, and gaps that only name what is
missing (README "Matching": "Reading a score").

The Cypher computes in 0-1 with full precision (the ranking and the greedy team need it); this is
the one place that turns a match row into what a person reads (`MatchFigures`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from graph.vocabulary import Importance
from resolvers.records.matching import (
    GapFigures,
    MatchFigures,
    MatchReasonRow,
    MatchRow,
    ReasonFigures,
)
from resolvers.records.skills import SkillRecord

BANDS: tuple[tuple[float, str], ...] = (
    (75.0, "STRONG"),
    (50.0, "GOOD"),
    (25.0, "PARTIAL"),
    (0.0, "STRETCH"),
)
"""(lowest score, band): strong 75-100, good 50-75, partial 25-50, stretch under 25."""

DECIMALS = 2


def band(points: float) -> str:
    return next(name for low, name in BANDS if points >= low)


def to_points(fraction: float) -> float:
    """0-1 as 0-100 with 2 decimals."""
    return round(100 * fraction, DECIMALS)


def adding_up(parts: Sequence[float], total: float) -> list[float]:
    """`parts` rounded to 2 decimals so that they add up to `total` (itself rounded to 2
    decimals): each is rounded down to the cent, and the cents left go to the parts that lost the
    most (largest remainders, ties to the earlier part)."""
    scale = 10**DECIMALS
    cents = [math.floor(part * scale + 1e-9) for part in parts]
    left = round(total * scale) - sum(cents)
    order = sorted(range(len(parts)), key=lambda i: (-(parts[i] * scale - cents[i]), i))
    for i in order[: max(0, left)]:
        cents[i] += 1
    return [c / scale for c in cents]


def presented(row: MatchRow) -> MatchFigures:
    """A match row (match_candidates / recommend_gigs) as it is shown: `score` in points with its
    `band`, contributions in points adding up to it, strength, share, exposure and coverage to 2
    decimals, remaining hours to 1; gaps only for required skills (a learnable or nice-to-have
    skill is never a gap), each with the level of the skill the person's reason for it uses."""
    score = to_points(float(row["score"]))
    reasons = list(row["reasons"])
    contributions = adding_up([100 * float(r["contribution"]) for r in reasons], score)
    used = {r["skill_id"]: r for r in reasons if r["how"] != "ASPIRATION"}
    gaps = []
    for gap in row["gaps"]:
        if gap["importance"] != Importance.REQUIRED.value:
            continue
        reason = used.get(gap["skill_id"])
        held = int(reason["proficiency"]) if reason else int(gap["held"])
        gaps.append(
            GapFigures(
                skill=SkillRecord.from_row(gap["skill"]),
                importance=Importance(gap["importance"]),
                min_proficiency=int(gap["min_level"]),
                held_proficiency=held,
                missing=int(gap["min_level"]) - held,
            )
        )
    return MatchFigures(
        score=score,
        band=band(score),
        coverage=round(float(row["coverage"]), DECIMALS),
        exposure_factor=round(float(row["exposure"]), DECIMALS),
        recent_engagements=int(row["recent_engagements"]),
        remaining_hours=round(float(row["remaining_hours"]), 1),
        reasons=[
            _reason(reason, contribution)
            for reason, contribution in zip(reasons, contributions, strict=True)
        ],
        gaps=gaps,
    )


def _reason(reason: MatchReasonRow, contribution: float) -> ReasonFigures:
    via = reason.get("via")
    return ReasonFigures(
        skill=SkillRecord.from_row(reason["skill"]),
        via_id=reason["via_id"],
        via=SkillRecord.from_row(via) if via is not None else None,
        importance=Importance(reason["importance"]),
        min_proficiency=int(reason["min_level"]),
        how=reason["how"],
        proficiency=None if reason["how"] == "ASPIRATION" else int(reason["proficiency"] or 0),
        evidenced=bool(reason["evidenced"]),
        met=bool(reason["met"]),
        strength=round(float(reason["strength"]), DECIMALS),
        share=round(float(reason["share"]), DECIMALS),
        contribution=contribution,
    )
