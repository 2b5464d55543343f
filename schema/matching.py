"""GraphQL types and fields for matching: candidates for a gig, gigs for a person, people near a
skill and a team for a gig. Every match carries its reasons; README "Matching" explains the score.

Like every query field, these answer a user's error (an unknown gig, person or skill; a viewer who
may not look; an argument out of bounds) with a GraphQL error whose `extensions.code` is
`NOT_FOUND`, `FORBIDDEN` or `VALIDATION` (with `field`), as `schema/errors.py` describes.
"""

from __future__ import annotations

from collections.abc import Awaitable
from enum import Enum
from typing import Self, TypedDict

import strawberry

from resolvers import matching, scores, skills
from resolvers.context import Info
from resolvers.records.gigs import GigRecord
from resolvers.records.matching import (
    CandidateRow,
    GapFigures,
    MatchRow,
    NearbyPersonRow,
    ReasonFigures,
    RecommendationRow,
)
from resolvers.records.people import PersonRecord
from resolvers.records.skills import SkillRecord
from schema.gigs import Gig
from schema.people import Person
from schema.skills import Skill
from schema.vocabulary import Importance

_DEFAULTS = matching.MatchWeights()


async def _skill(info: Info, skill_id: str) -> Skill:
    return (await _skills(info, [skill_id]))[0]


async def _skills(info: Info, skill_ids: list[str]) -> list[Skill]:
    """The skills of `skill_ids`, in their order (one that vanished shows its id as label)."""
    return [
        Skill.from_record(skill) for skill in await skills.skills_by_ids(info.context, skill_ids)
    ]


@strawberry.enum(
    description="How strong a match is: STRONG 75-100, GOOD 50-75, PARTIAL 25-50, STRETCH under "
    "25 (README 'Reading a score')."
)
class ScoreBand(Enum):
    STRONG = "STRONG"
    GOOD = "GOOD"
    PARTIAL = "PARTIAL"
    STRETCH = "STRETCH"


@strawberry.enum(description="How a person meets a gig requirement.")
class MatchKind(Enum):
    DIRECT = "DIRECT"
    ADJACENT = "ADJACENT"
    ASPIRATION = "ASPIRATION"


@strawberry.type(
    description="How one gig requirement is met, and what it adds to the score: "
    "contribution = 100 * share * strength * exposureFactor points, rounded so that a match's "
    "contributions add up to its score exactly."
)
class MatchReason:
    skill: Skill = strawberry.field(description="The skill the gig requires.")
    via_id: strawberry.Private[str]
    via_record: strawberry.Private[SkillRecord | None]
    importance: Importance
    min_proficiency: int
    how: MatchKind
    proficiency: int | None = strawberry.field(
        description="The person's level in the skill used (null for an aspiration)."
    )
    evidenced: bool = strawberry.field(
        description="Validated by a manager or gig feedback; false when only claimed."
    )
    met: bool = strawberry.field(
        description="The requirement is met at its minimum level (directly or adjacently)."
    )
    strength: float = strawberry.field(
        description="How well it is met, 0-1 (2 decimals), before exposure."
    )
    share: float = strawberry.field(description="The requirement's share of the gig, 0-1.")
    contribution: float = strawberry.field(description="Points it adds to the score (0-100).")

    @classmethod
    def from_record(cls, record: ReasonFigures) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            via_id=record.via_id,
            via_record=record.via,
            importance=record.importance,
            min_proficiency=record.min_proficiency,
            how=MatchKind(record.how),
            proficiency=record.proficiency,
            evidenced=record.evidenced,
            met=record.met,
            strength=record.strength,
            share=record.share,
            contribution=record.contribution,
        )

    @strawberry.field(
        description="For ADJACENT: the person's skill that is adjacent to it.",
        graphql_type=Skill | None,
    )
    def via(self, info: Info) -> Skill | Awaitable[Skill | None] | None:
        if self.how is not MatchKind.ADJACENT:
            return None
        if self.via_record is not None:  # fetched with the match
            return Skill.from_record(self.via_record)
        return _skill(info, self.via_id)


@strawberry.type(
    description="A required skill the person does not meet at its minimum level (a learnable or "
    "nice-to-have skill is never a gap)."
)
class MatchGap:
    skill: Skill
    importance: Importance
    min_proficiency: int
    held_proficiency: int = strawberry.field(
        description="The level the person brings to it: their own, or that of the adjacent "
        "skill their reason for it uses; 0 if none."
    )
    missing: int = strawberry.field(description="Levels short of the minimum.")

    @classmethod
    def from_record(cls, record: GapFigures) -> Self:
        return cls(
            skill=Skill.from_record(record.skill),
            importance=record.importance,
            min_proficiency=record.min_proficiency,
            held_proficiency=record.held_proficiency,
            missing=record.missing,
        )


class _ScoreFields(TypedDict):
    score: float
    band: ScoreBand
    coverage: float
    reasons: list[MatchReason]
    gaps: list[MatchGap]
    exposure_factor: float
    recent_engagements: int
    remaining_hours: float


@strawberry.interface(description="What a match between a person and a gig rests on.")
class Match:
    score: float = strawberry.field(
        description="0-100 (2 decimals): 100 is every requirement met directly at its level "
        "with validated evidence and no recent gig; the sum of the reasons' contributions."
    )
    band: ScoreBand
    coverage: float = strawberry.field(
        description="Share of the gig's required skills met at their minimum level, 0-1 (of all "
        "its skills if none is required)."
    )
    reasons: list[MatchReason] = strawberry.field(
        description="One per requirement the person brings something to."
    )
    gaps: list[MatchGap]
    exposure_factor: float = strawberry.field(
        description="The exposure rule's dampening: 1 / (1 + exposureDamping * recent engagements)."
    )
    recent_engagements: int = strawberry.field(
        description="Engagements active or completed within exposureMonths."
    )
    remaining_hours: float = strawberry.field(
        description="Gig hours per week the person has left: weekly_hours * gig_capacity_pct "
        "/ 100 - hours of active engagements."
    )

    @staticmethod
    def fields_from(match: MatchRow) -> _ScoreFields:
        figures = scores.presented(match)
        return _ScoreFields(
            score=figures.score,
            band=ScoreBand(figures.band),
            coverage=figures.coverage,
            reasons=[MatchReason.from_record(reason) for reason in figures.reasons],
            gaps=[MatchGap.from_record(gap) for gap in figures.gaps],
            exposure_factor=figures.exposure_factor,
            recent_engagements=figures.recent_engagements,
            remaining_hours=figures.remaining_hours,
        )


@strawberry.type(description="A candidate for a gig, with the reasons behind the score.")
class CandidateMatch(Match):
    person: Person

    @classmethod
    def from_record(cls, row: CandidateRow) -> Self:
        return cls(
            person=Person.from_record(PersonRecord.from_row(row["person"])),
            **Match.fields_from(row),
        )


@strawberry.type(description="A gig recommended to a person, scored as the person's match.")
class GigRecommendation(Match):
    gig: Gig
    growth: bool = strawberry.field(
        description="The gig asks for a skill the person aspires to (private ones included)."
    )
    growth_skill_ids: strawberry.Private[list[str]]

    @classmethod
    def from_record(cls, row: RecommendationRow) -> Self:
        return cls(
            gig=Gig.from_record(GigRecord.from_row(row["gig"])),
            growth=bool(row["growth"]),
            growth_skill_ids=list(row["growth_skill_ids"]),
            **Match.fields_from(row),
        )

    @strawberry.field(description="The skills the person aspires to that this gig builds.")
    async def growth_skills(self, info: Info) -> list[Skill]:
        return await _skills(info, self.growth_skill_ids)


@strawberry.type(description="Someone who holds a skill at or near the one asked about.")
class NearbyPerson:
    person: Person
    score: float = strawberry.field(
        description="hopDecay ^ hops * proficiency / 5 * evidence (1 validated, claimedWeight "
        "otherwise)."
    )
    hops: int = strawberry.field(description="Taxonomy steps from the skill asked about.")
    steps: strawberry.Private[list[SkillRecord]]
    """The path's skills as the query read them, the held skill last."""
    proficiency: int
    evidenced: bool
    remaining_hours: float

    @classmethod
    def from_record(cls, row: NearbyPersonRow) -> Self:
        return cls(
            person=Person.from_record(PersonRecord.from_row(row["person"])),
            score=float(row["score"]),
            hops=int(row["hops"]),
            steps=[SkillRecord.from_row(step) for step in row["path"]],
            proficiency=int(row["proficiency"]),
            evidenced=bool(row["evidenced"]),
            remaining_hours=float(row["remaining_hours"]),
        )

    @strawberry.field(description="The skill the person holds.")
    def skill(self) -> Skill:
        return Skill.from_record(self.steps[-1])

    @strawberry.field(description="The skills from the one asked about to the one held.")
    def path(self) -> list[Skill]:
        return [Skill.from_record(step) for step in self.steps]


@strawberry.type(
    name="TeamMember", description="A member of a suggested team and what they bring to it."
)
class TeamMemberType:
    match: CandidateMatch
    gain: float = strawberry.field(description="Points the member added to the team's fit.")
    cover_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Requirements this member covers best in the team.")
    async def covers(self, info: Info) -> list[Skill]:
        return await _skills(info, self.cover_ids)


@strawberry.type(description="A small team that together covers a gig's requirements.")
class TeamSuggestion:
    gig_id: strawberry.ID
    members: list[TeamMemberType]
    fit: float = strawberry.field(
        description="0-100: Σ over requirements of share * the best strength a member brings "
        "(the members' gains add up to it)."
    )
    uncovered_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Requirements nobody in the team meets at the minimum level.")
    async def uncovered(self, info: Info) -> list[Skill]:
        return await _skills(info, self.uncovered_ids)

    @classmethod
    def from_team(cls, gig_id: str, team: matching.Team) -> Self:
        fit = scores.to_points(team.fit)
        gains = scores.adding_up([100 * member.gain for member in team.members], fit)
        return cls(
            gig_id=strawberry.ID(gig_id),
            members=[
                TeamMemberType(
                    match=CandidateMatch.from_record(member.candidate),
                    gain=gain,
                    cover_ids=member.covers,
                )
                for member, gain in zip(team.members, gains, strict=True)
            ],
            fit=fit,
            uncovered_ids=team.uncovered,
        )


@strawberry.input(description="Weights of the match score; README 'Matching' lists the bounds.")
class MatchWeightsInput:
    adjacent_weight: float = strawberry.field(
        default=_DEFAULTS.adjacent_weight,
        description="Factor for a skill adjacent through BROADER (* the RELATED_TO weight "
        "through RELATED_TO), 0-1.",
    )
    aspiration_weight: float = strawberry.field(
        default=_DEFAULTS.aspiration_weight,
        description="Strength of an aspiration at interest 3 (nice-to-have and learnable "
        "skills only), 0-1.",
    )
    claimed_weight: float = strawberry.field(
        default=_DEFAULTS.claimed_weight,
        description="Factor for a claimed (not validated) skill; evidenced skills count 1. 0-1.",
    )
    nice_to_have_weight: float = strawberry.field(
        default=_DEFAULTS.nice_to_have_weight,
        description="Weight of a nice-to-have requirement; required ones weigh 1. 0-1.",
    )
    learnable_weight: float = strawberry.field(
        default=_DEFAULTS.learnable_weight,
        description="Weight of a learnable requirement, 0-1.",
    )
    exposure_damping: float = strawberry.field(
        default=_DEFAULTS.exposure_damping,
        description="Exposure rule: score * 1 / (1 + damping * recent engagements). 0-2.",
    )
    exposure_months: int = strawberry.field(
        default=_DEFAULTS.exposure_months,
        description="How far back an engagement counts as recent, in months, 1-36.",
    )

    def to_value(self) -> matching.MatchWeights:
        return matching.MatchWeights(
            adjacent_weight=self.adjacent_weight,
            aspiration_weight=self.aspiration_weight,
            claimed_weight=self.claimed_weight,
            nice_to_have_weight=self.nice_to_have_weight,
            learnable_weight=self.learnable_weight,
            exposure_damping=self.exposure_damping,
            exposure_months=self.exposure_months,
        )


@strawberry.input(name="MatchOptions", description="Who may match and how the score is weighted.")
class MatchOptionsInput:
    include_own_department: bool = strawberry.field(
        default=False,
        description="Also people of the gig's own department (matching is cross-functional "
        "by default).",
    )
    available_only: bool = strawberry.field(
        default=True,
        description="Only people whose remaining gig capacity covers the gig's hours; false "
        "also lists people who are fully booked (for planning).",
    )
    weights: MatchWeightsInput | None = None

    @staticmethod
    def value_of(options: MatchOptionsInput | None) -> matching.MatchOptions:
        if options is None:
            return matching.MatchOptions()
        return matching.MatchOptions(
            include_own_department=options.include_own_department,
            available_only=options.available_only,
            weights=(options.weights or MatchWeightsInput()).to_value(),
        )


@strawberry.input(
    name="NearSkillFilter", description="Which people near a skill; every field is optional."
)
class NearSkillFilterInput:
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="Members of this department or its sub-departments."
    )
    location: str | None = None
    available_only: bool = strawberry.field(
        default=False, description="Only people with gig capacity left."
    )
    direct_first: bool = strawberry.field(
        default=True,
        description="People who hold the skill itself before people who are only near it; "
        "false ranks everyone by score alone.",
    )

    def to_value(self) -> matching.NearSkillFilter:
        return matching.NearSkillFilter(
            department_id=self.department_id,
            location=self.location,
            available_only=self.available_only,
            direct_first=self.direct_first,
        )


@strawberry.type
class MatchingQuery:
    @strawberry.field(
        description="Eligible people for a gig, best first, each with reasons and gaps. For the "
        "gig's owner and HR."
    )
    async def match_candidates(
        self,
        info: Info,
        gig_id: strawberry.ID,
        first: int = 20,
        options: MatchOptionsInput | None = None,
    ) -> list[CandidateMatch]:
        value = MatchOptionsInput.value_of(options)
        rows = await matching.match_candidates(info.context, gig_id, first, value)
        return [CandidateMatch.from_record(row) for row in rows]

    @strawberry.field(
        description="Open gigs the person is eligible for, best first, growth gigs marked. "
        "A person sees their own; HR anyone's."
    )
    async def recommend_gigs(
        self,
        info: Info,
        person_id: strawberry.ID,
        first: int = 20,
        options: MatchOptionsInput | None = None,
    ) -> list[GigRecommendation]:
        value = MatchOptionsInput.value_of(options)
        rows = await matching.recommend_gigs(info.context, person_id, first, value)
        return [GigRecommendation.from_record(row) for row in rows]

    @strawberry.field(
        description="Active people who hold the skill (for a skill group: any skill below it) "
        "or one within maxHops (0-3) of it through accepted links, direct holders first, with "
        "the path of skills that links them."
    )
    async def people_near_skill(
        self,
        info: Info,
        skill: strawberry.ID,
        max_hops: int = 2,
        first: int = 20,
        filter: NearSkillFilterInput | None = None,
    ) -> list[NearbyPerson]:
        value = (filter or NearSkillFilterInput()).to_value()
        rows = await matching.people_near_skill(info.context, skill, max_hops, first, value)
        return [NearbyPerson.from_record(row) for row in rows]

    @strawberry.field(
        description="A team of at most `size` (1-10) people who together cover the gig's "
        "requirements best (greedy set cover over the top candidates). For the owner and HR."
    )
    async def suggest_team(
        self, info: Info, gig_id: strawberry.ID, size: int, options: MatchOptionsInput | None = None
    ) -> TeamSuggestion:
        team = await matching.suggest_team(
            info.context, gig_id, size, MatchOptionsInput.value_of(options)
        )
        return TeamSuggestion.from_team(gig_id, team)
