"""A gig's candidates ranked by potential (the score before eligibility and exposure), from the
holder digests that `matching/candidate_reach.cypher` returns (README "Matching").

Neo4j Community's runtime spends ~1.5 µs on each (person, way) row it expands, reads and
aggregates, and a gig requiring common skills reaches ~50,000 of them at 100,000 people; the
same arithmetic over the skills' digests costs a few milliseconds here. It is the arithmetic of
the score to the last bit (the same products in the same order, sums in requirement order), so
the ranking is the one the whole computation in Cypher gave; `match_candidates.cypher` then checks
eligibility and exposure, and writes the reasons, for the best few only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from graph.database import Row

KEY_SHIFT = 4
"""A digest entry is person key * 16 + proficiency * 2 + validated (refresh_holder_digests)."""
LEVEL_MASK = 0b111


class Ranking:
    """Everyone a gig reaches with a positive potential, in ranking order: potential, then
    `depth`, then the lower key. `match_candidates.cypher` takes them slice by slice from the
    best; only as many as the slices asked for so far are sorted (most gigs need the best 40 of
    thousands)."""

    def __init__(
        self,
        keys: npt.NDArray[np.int64],
        potentials: npt.NDArray[np.float64],
        depths: npt.NDArray[np.float64],
    ) -> None:
        self._keys, self._potentials, self._depths = keys, potentials, depths
        self._order: npt.NDArray[np.int64] = np.zeros(0, np.int64)

    def __len__(self) -> int:
        return len(self._keys)

    def _best(self, count: int) -> npt.NDArray[np.int64]:
        """The indices of the best `count` people, in ranking order: everyone whose potential
        reaches the `count`-th best is sorted, so that ties at the edge are broken as a sort of
        everyone would break them."""
        if count > len(self._order):
            chosen = np.arange(len(self))
            if count < len(self):
                cut = len(self) - count
                chosen = np.flatnonzero(
                    self._potentials >= np.partition(self._potentials, cut)[cut]
                )
            order = np.lexsort(
                (self._keys[chosen], -self._depths[chosen], -self._potentials[chosen])
            )
            self._order = chosen[order]
        return self._order[:count]

    def candidates(self, start: int, stop: int) -> list[dict[str, float | int]]:
        """The people ranked from `start` to `stop` as match_candidates.cypher takes them."""
        best = self._best(stop)[start:]
        return [
            {"key": key, "potential": potential, "depth": depth}
            for key, potential, depth in zip(
                self._keys[best].tolist(),
                self._potentials[best].tolist(),
                self._depths[best].tolist(),
                strict=True,
            )
        ]

    def floor(self, stop: int) -> float:
        """The best potential after the first `stop` (0 when they are everyone)."""
        if stop >= len(self):
            return 0.0
        return float(self._potentials[self._best(stop + 1)[stop]])


@dataclass(frozen=True)
class Reach:
    """The (person, way) rows of one requirement: who, how strong, at what level (0 for an
    aspiration)."""

    keys: npt.NDArray[np.int64]
    strengths: npt.NDArray[np.float64]
    levels: npt.NDArray[np.float64]


def reach(requirement: Row, claimed_weight: float, aspiration_weight: float) -> Reach:
    """Every (person, way) of one requirement of candidate_reach.cypher: a holder of a way's
    skill meets it at link * evidence * level (evidence 1 when validated, else `claimed_weight`;
    level = min(1, proficiency / min level)); an aspirant (nice-to-have and learnable only) at
    `aspiration_weight` * interest / 3."""
    min_level = float(requirement["min_level"])
    keys, strengths, levels = [], [], []
    for way in requirement["ways"]:
        digest = np.array(way["holders"], dtype=np.int64)
        proficiency = (digest >> 1) & LEVEL_MASK
        evidence = np.where(digest & 1 == 1, 1.0, claimed_weight)
        level = np.where(proficiency >= min_level, 1.0, proficiency / min_level)
        keys.append(digest >> KEY_SHIFT)
        strengths.append(float(way["link"]) * evidence * level)
        levels.append(proficiency.astype(np.float64))
    if requirement["aspirants"]:
        aspirants = np.array(requirement["aspirants"], dtype=np.int64)
        keys.append(aspirants[:, 0])
        strengths.append((aspiration_weight * aspirants[:, 1] / 3.0).astype(np.float64))
        levels.append(np.zeros(len(aspirants)))
    if not keys:
        return Reach(np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    return Reach(np.concatenate(keys), np.concatenate(strengths), np.concatenate(levels))


def ranking(
    requirements: Sequence[Row], claimed_weight: float, aspiration_weight: float
) -> Ranking:
    """Per person: potential = sum over requirements of weight * the best strength among the
    person's ways to it, / sum of weights; depth = sum of weight * the highest level among those
    ways. Each sum adds the requirements in their order, as the score is defined."""
    reaches = [reach(r, claimed_weight, aspiration_weight) for r in requirements]
    keys = np.concatenate([np.zeros(0, np.int64), *(each.keys for each in reaches)])
    # people by key without sorting: keys are dense (a sequence numbers them)
    held = np.zeros(int(keys.max()) + 1 if len(keys) else 0, dtype=bool)
    held[keys] = True
    people = np.flatnonzero(held)
    index = np.zeros(len(held), dtype=np.int64)
    index[people] = np.arange(len(people))
    person_of = index[keys]
    weighted = np.zeros(len(people))
    depth = np.zeros(len(people))
    total_weight = 0.0
    start = 0
    for requirement, each in zip(requirements, reaches, strict=True):
        weight = float(requirement["weight"])
        total_weight += weight
        who = person_of[start : start + len(each.keys)]
        start += len(each.keys)
        best = np.zeros(len(people))
        np.maximum.at(best, who, each.strengths)
        level = np.zeros(len(people))
        np.maximum.at(level, who, each.levels)
        weighted += weight * best
        depth += weight * level
    reached = weighted > 0
    return Ranking(people[reached], weighted[reached] / total_weight, depth[reached])
