"""Matching: candidates for a gig, gigs for a person, people near a skill, a team for a gig.

The scores are computed in Cypher (`cypher/matching/*.cypher`) from parameters this module
validates, so an analyst who runs a query in Neo4j Browser with the same `:param` values gets the
same answer as the API. The README's "Matching" section documents the score, the eligibility
rules, the exposure rule and the bounds of every weight.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar, cast

from graph.database import Database, Transaction
from graph.errors import NotFound, ValidationFailed
from graph.vocabulary import Visibility, values
from resolvers import potentials
from resolvers.context import Context
from resolvers.gigs import owner_id_of
from resolvers.permissions import require_candidate_reader, require_recommendation_reader
from resolvers.records.matching import CandidateRow, NearbyPersonRow, RecommendationRow
from resolvers.validation import check_first

MAX_HOPS = 3
"""The bound of people_near_skill.cypher's path pattern."""

POOL_PER_RESULT = 50
"""people_near_skill.cypher reads this many people per result asked for before its availability
filter, and the API widens the pool (x8) until the answer is provably exact."""

CANDIDATES_PER_RESULT = 2
"""match_candidates.cypher checks eligibility and exposure for this many of the best potentials
per result asked for first, then for CANDIDATES_WIDENING times as many more each time, until the
answer is provably exact (most gigs at 100,000 people: after the first 2 per result)."""
CANDIDATES_WIDENING = 4

RELATED_LIMIT = 5
"""A requirement is met adjacently through its BROADER neighbours and its RELATED_TO neighbours
of highest weight, this many at most: generic skills relate to hundreds of others."""

MAX_TEAM_SIZE = 10
TEAM_POOL = 50
"""How many ranked candidates suggestTeam chooses a team from."""

CANDIDATE_VISIBILITIES = [Visibility.MATCHING.value]
"""Aspirations a gig owner may see; a person's own recommendations also count private ones."""
OWN_VISIBILITIES = list(values(Visibility))

R = TypeVar("R", CandidateRow, NearbyPersonRow)


@dataclass(frozen=True)
class Bound:
    low: float
    high: float
    graphql_name: str


@dataclass(frozen=True)
class MatchWeights:
    """The parameters of the score, with their defaults; `BOUNDS` holds what each may be."""

    adjacent_weight: float = 0.6
    aspiration_weight: float = 0.3
    claimed_weight: float = 0.7
    nice_to_have_weight: float = 0.5
    learnable_weight: float = 0.5
    exposure_damping: float = 0.25
    exposure_months: int = 6

    def validated(self) -> MatchWeights:
        for weight in fields(self):
            value = getattr(self, weight.name)
            bound = BOUNDS[weight.name]
            if not bound.low <= value <= bound.high:
                raise ValidationFailed(
                    f"weights.{bound.graphql_name}",
                    f"must be between {bound.low:g} and {bound.high:g}, not {value:g}",
                )
        return self


BOUNDS: dict[str, Bound] = {
    "adjacent_weight": Bound(0.0, 1.0, "adjacentWeight"),
    "aspiration_weight": Bound(0.0, 1.0, "aspirationWeight"),
    "claimed_weight": Bound(0.0, 1.0, "claimedWeight"),
    "nice_to_have_weight": Bound(0.0, 1.0, "niceToHaveWeight"),
    "learnable_weight": Bound(0.0, 1.0, "learnableWeight"),
    "exposure_damping": Bound(0.0, 2.0, "exposureDamping"),
    "exposure_months": Bound(1, 36, "exposureMonths"),
}


@dataclass(frozen=True)
class MatchOptions:
    include_own_department: bool = False
    available_only: bool = True
    weights: MatchWeights = field(default_factory=MatchWeights)

    def params(self) -> dict[str, Any]:
        """The query parameters these options stand for (names as in the .cypher headers)."""
        return {
            "include_own_department": self.include_own_department,
            "available_only": self.available_only,
            "related_limit": RELATED_LIMIT,
            **asdict(self.weights.validated()),
        }


@dataclass(frozen=True)
class NearSkillFilter:
    department_id: str | None = None
    location: str | None = None
    available_only: bool = False
    direct_first: bool = True
    """Fewer hops first (a direct holder before anyone only near); false ranks by score alone."""


HOP_DECAY = 0.5
"""people_near_skill: each hop away from the skill halves a holder's score."""


async def _may_match(ctx: Context, gig_id: str) -> None:
    """A gig's candidates (and the aspirations they show) are for its owner and for HR."""
    require_candidate_reader(ctx.viewer, await owner_id_of(ctx, gig_id))


async def widened(
    db: Database,
    read: Callable[[int], Awaitable[list[R]]],
    pool: int,
    exact: Callable[[list[R]], bool],
    proven_empty: Callable[[], Awaitable[bool]] | None = None,
) -> list[R]:
    """Runs a pooled query, widening its pool x8 until the answer is provably exact or the pool
    holds everyone (with no rows nothing can be proven, so only the latter ends the search,
    unless `proven_empty` shows that no pool would return anyone)."""
    rows = await read(pool)
    if exact(rows) or (not rows and proven_empty is not None and await proven_empty()):
        return rows
    population = int((await db.read("matching/population"))[0]["people"])
    while pool < population:
        pool = min(pool * 8, population)
        rows = await read(pool)
        if exact(rows):
            break
    return rows


async def ranked_candidates(
    db: Database, gig_id: str, first: int, options: MatchOptions | None = None
) -> list[CandidateRow]:
    """The candidates of match_candidates.cypher, exact, without permission checks: rows of
    `person`, `score`, `coverage`, `reasons`, `gaps`, `exposure`, `recent_engagements`,
    `remaining_hours`."""
    return await _ranked(db, gig_id, first, (options or MatchOptions()).params())


async def _ranked(
    db: Database, gig_id: str, first: int, params: dict[str, Any]
) -> list[CandidateRow]:
    """Ranks everyone the gig reaches by potential (candidate_reach.cypher's digests, then
    `potentials.ranking`), then checks them in match_candidates.cypher slice by slice, best
    first, until the answer is provably exact, all in one read transaction."""

    async def work(tx: Transaction) -> list[CandidateRow]:
        requirements = await tx.run(
            "matching/candidate_reach",
            gig_id=gig_id,
            aspiration_visibilities=CANDIDATE_VISIBILITIES,
            **params,
        )
        ranked = potentials.ranking(
            requirements, params["claimed_weight"], params["aspiration_weight"]
        )
        scored = [_scored(requirement) for requirement in requirements]
        best: list[CandidateRow] = []
        someone_has_the_hours = not params["available_only"]
        checked, pool = 0, CANDIDATES_PER_RESULT * first
        while checked < len(ranked):
            fresh = await tx.run(
                "matching/match_candidates",
                gig_id=gig_id,
                requirements=scored,
                candidates=ranked.candidates(checked, pool),
                first=first,
                aspiration_visibilities=CANDIDATE_VISIBILITIES,
                **params,
            )
            best = sorted([*best, *cast(list[CandidateRow], fresh)], key=_rank)[:first]
            if is_exact(best, first, ranked.floor(pool)):
                break
            if not best and not someone_has_the_hours:
                someone_has_the_hours = await _has_the_hours(tx, gig_id)
                if not someone_has_the_hours:
                    break
            checked, pool = pool, pool * CANDIDATES_WIDENING
        return best

    return await db.in_read_transaction(work)


def is_exact(best: Sequence[CandidateRow], first: int, floor: float) -> bool:
    """Whether the best `first` candidates checked are the best of all: eligibility and exposure
    only ever lower a potential, so nobody unchecked (whose potential is at most `floor`) can
    score above the last of them. `floor` is compared rounded up to the scores' 9 decimals."""
    return len(best) == first and best[-1]["score"] > math.ceil(floor * 1e9) / 1e9


def _rank(row: CandidateRow) -> tuple[float, float, str]:
    """match_candidates.cypher's order: score, then the levels held, then id."""
    return (-row["score"], -row["depth"], str(row["person"]["id"]))


def _scored(requirement: dict[str, Any]) -> dict[str, Any]:
    """A requirement of candidate_reach.cypher as match_candidates.cypher takes it: its ways
    without their digests (the reasons read the chosen few's own skills)."""
    ways = [
        {name: way[name] for name in ("skill_id", "how", "link")} for way in requirement["ways"]
    ]
    return {
        name: requirement[name] for name in ("skill_id", "importance", "min_level", "weight")
    } | {"ways": ways}


async def _has_the_hours(tx: Transaction, gig_id: str) -> bool:
    """Whether anyone has the gig's hours left (gig_hours_reachable.cypher): when nobody has, no
    wider pool would return anyone."""
    rows = await tx.run("matching/gig_hours_reachable", gig_id=gig_id)
    return bool(rows) and bool(rows[0]["reachable"])


async def match_candidates(
    ctx: Context, gig_id: str, first: int, options: MatchOptions | None = None
) -> list[CandidateRow]:
    """Eligible people for a gig, best first; for the gig's owner and HR."""
    check_first(first, ctx.settings)
    params = (options or MatchOptions()).params()
    await _may_match(ctx, gig_id)
    return await _ranked(ctx.db, gig_id, first, params)


async def recommend_gigs(
    ctx: Context, person_id: str, first: int, options: MatchOptions | None = None
) -> list[RecommendationRow]:
    """Open gigs for a person with the candidate score seen from their side; a person sees their
    own, HR anyone's."""
    check_first(first, ctx.settings)
    params = (options or MatchOptions()).params()
    require_recommendation_reader(ctx.viewer, person_id)
    if not await ctx.db.read("people/person_by_id", id=person_id):
        raise NotFound("Person", person_id)
    rows = await ctx.db.read(
        "matching/recommend_gigs",
        person_id=person_id,
        first=first,
        aspiration_visibilities=OWN_VISIBILITIES,
        **params,
    )
    return cast(list[RecommendationRow], rows)


async def people_near_skill(
    ctx: Context,
    skill_id: str,
    max_hops: int,
    first: int,
    filter: NearSkillFilter | None = None,
) -> list[NearbyPersonRow]:
    """People holding the skill (a group: any skill below it) or one within `max_hops` of it,
    direct holders first (unless `filter.direct_first` is false), then by score."""
    check_first(first, ctx.settings)
    if not 0 <= max_hops <= MAX_HOPS:
        raise ValidationFailed("maxHops", f"must be between 0 and {MAX_HOPS}, not {max_hops}")
    if not await ctx.db.read("matching/skill_label", skill_id=skill_id):
        raise NotFound("Skill", skill_id)
    return await nearest_people(ctx.db, skill_id, max_hops, first, filter)


async def nearest_people(
    db: Database, skill_id: str, max_hops: int, first: int, filter: NearSkillFilter | None = None
) -> list[NearbyPersonRow]:
    """people_near_skill.cypher made exact, without validation: rows of `person`, `score`,
    `hops`, `skill_id`, `proficiency`, `evidenced`, `path_ids`, `remaining_hours`.

    Reads hop by hop: nobody reached through a skill `hops + 1` steps away comes before someone
    nearer when direct holders come first, nor scores more than `HOP_DECAY ** (hops + 1)`; so
    once `first` people are within `hops` (and, ranking by score alone, all score more than
    that), looking further cannot change the answer (which is the one of a single run with
    `max_hops`, only faster)."""
    chosen = filter or NearSkillFilter()

    def exact(rows: list[NearbyPersonRow]) -> bool:
        # Only the availability filter runs after the pool; it may leave fewer than `first`.
        return len(rows) == first or (bool(rows) and not rows[0]["truncated"])

    for hops in range(max_hops + 1):

        async def read(pool: int, hops: int = hops) -> list[NearbyPersonRow]:
            rows = await db.read(
                "matching/people_near_skill",
                skill_id=skill_id,
                max_hops=hops,
                first=first,
                pool=pool,
                department_id=chosen.department_id,
                location=chosen.location,
                available_only=chosen.available_only,
                direct_first=chosen.direct_first,
                hop_decay=HOP_DECAY,
                claimed_weight=MatchWeights.claimed_weight,
            )
            return cast(list[NearbyPersonRow], rows)

        rows = await widened(db, read, POOL_PER_RESULT * first, exact)
        if len(rows) == first and (
            chosen.direct_first or rows[-1]["score"] > HOP_DECAY ** (hops + 1)
        ):
            break
    return rows


@dataclass(frozen=True)
class TeamMember:
    candidate: CandidateRow
    gain: float
    covers: list[str]
    """Skill ids of the requirements this member covers best in the team."""


@dataclass(frozen=True)
class Team:
    members: list[TeamMember]
    fit: float
    """Σ over requirements of share * the best strength any member brings, in 0-1."""
    uncovered: list[str]
    """Skill ids of requirements nobody in the team meets at their minimum level."""


def _strengths(candidate: CandidateRow) -> dict[str, float]:
    return {reason["skill_id"]: reason["strength"] for reason in candidate["reasons"]}


def _shares(candidate: CandidateRow) -> dict[str, float]:
    return {reason["skill_id"]: reason["share"] for reason in candidate["reasons"]}


def greedy_team(candidates: Sequence[CandidateRow], size: int) -> Team:
    """Greedy weighted set cover over ranked candidates: each step adds the person whose reasons
    raise the team's coverage most (ties go to the better-ranked candidate), until `size` people
    or nobody adds anything. Coverage of a requirement is the best strength a member brings."""
    shares: dict[str, float] = {}
    requirements: set[str] = set()
    for candidate in candidates:
        shares |= _shares(candidate)
        requirements |= {reason["skill_id"] for reason in candidate["reasons"]}
        requirements |= {gap["skill_id"] for gap in candidate["gaps"]}
    best: dict[str, float] = dict.fromkeys(requirements, 0.0)
    met: set[str] = set()
    members: list[TeamMember] = []
    remaining = list(candidates)
    while remaining and len(members) < size:

        def gain(candidate: CandidateRow) -> float:
            return sum(
                shares[skill] * max(0.0, strength - best[skill])
                for skill, strength in _strengths(candidate).items()
            )

        chosen = max(remaining, key=gain)
        chosen_gain = gain(chosen)
        if chosen_gain <= 0:
            break
        covers = [skill for skill, strength in _strengths(chosen).items() if strength > best[skill]]
        for skill in covers:
            best[skill] = _strengths(chosen)[skill]
        met |= {reason["skill_id"] for reason in chosen["reasons"] if reason["met"]}
        members.append(TeamMember(chosen, chosen_gain, sorted(covers)))
        remaining.remove(chosen)
    fit = sum(shares.get(skill, 0.0) * strength for skill, strength in best.items())
    return Team(members, fit, sorted(requirements - met))


async def suggest_team(
    ctx: Context, gig_id: str, size: int, options: MatchOptions | None = None
) -> Team:
    """A team of at most `size` people who together cover the gig's requirements best."""
    if not 1 <= size <= MAX_TEAM_SIZE:
        raise ValidationFailed("size", f"must be between 1 and {MAX_TEAM_SIZE}, not {size}")
    candidates = await match_candidates(ctx, gig_id, TEAM_POOL, options)
    return greedy_team(candidates, size)
