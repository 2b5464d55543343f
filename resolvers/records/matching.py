"""Matches as the domain hands them over. The Cypher of `cypher/matching/` computes every figure
of a match, so a match row maps 1:1 onto its query's columns: these are `TypedDict`s of those
columns (the nested `person`, `gig` and `skill` maps become records with their own `from_row`).
`resolvers.scores.presented` makes a match row the figures a person reads (`MatchFigures`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from graph.database import Row
from graph.vocabulary import Importance
from resolvers.records.skills import SkillRecord


class MatchReasonRow(TypedDict):
    """How one requirement is met: `how` DIRECT, ADJACENT (through `via`) or ASPIRATION."""

    skill: Row
    skill_id: str
    importance: str
    min_level: int
    how: str
    via_id: str
    via: Row | None
    proficiency: int
    evidenced: bool
    strength: float
    share: float
    contribution: float
    met: bool


class MatchGapRow(TypedDict):
    """A requirement not met at its minimum level."""

    skill: Row
    skill_id: str
    importance: str
    min_level: int
    held: int
    missing: int


class MatchRow(TypedDict):
    """What every match rests on (`score`, `coverage`, `strength`, `share` in 0-1)."""

    score: float
    coverage: float
    reasons: list[MatchReasonRow]
    gaps: list[MatchGapRow]
    exposure: float
    recent_engagements: int
    remaining_hours: float


class CandidateRow(MatchRow):
    """A candidate for a gig (`matching/match_candidates`); `depth` (the levels held, weighed)
    breaks ties between equal scores."""

    person: Row
    depth: float


class RecommendationRow(MatchRow):
    """A gig for a person (`matching/recommend_gigs`)."""

    gig: Row
    growth: bool
    growth_skill_ids: list[str]


class NearbyPersonRow(TypedDict):
    """Someone at or near a skill (`matching/people_near_skill`); `truncated` says the query's
    pool left people out."""

    person: Row
    score: float
    hops: int
    skill_id: str
    proficiency: int
    evidenced: bool
    path_ids: list[str]
    path: list[Row]
    """The skills of `path_ids`: id, label, type, custom, deprecated."""
    remaining_hours: float
    truncated: bool


@dataclass(frozen=True)
class ReasonFigures:
    """A reason as it is shown (`resolvers.scores.presented`): contribution in points."""

    skill: SkillRecord
    via_id: str
    via: SkillRecord | None
    importance: Importance
    min_proficiency: int
    how: str
    proficiency: int | None
    """None for an aspiration."""
    evidenced: bool
    met: bool
    strength: float
    share: float
    contribution: float


@dataclass(frozen=True)
class GapFigures:
    skill: SkillRecord
    importance: Importance
    min_proficiency: int
    held_proficiency: int
    missing: int


@dataclass(frozen=True)
class MatchFigures:
    """A match as it is shown: score in points with its band, figures rounded."""

    score: float
    band: str
    coverage: float
    reasons: list[ReasonFigures]
    gaps: list[GapFigures]
    exposure_factor: float
    recent_engagements: int
    remaining_hours: float
