"""The ranking by potential computed from holder digests (resolvers.potentials): a pure function,
tested on plain values."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.potentials import ranking


def holder(key: int, proficiency: int, validated: bool) -> int:
    """A digest entry as skills/refresh_holder_digests.cypher writes it."""
    return key * 16 + proficiency * 2 + int(validated)


def requirement(
    min_level: int, weight: float, ways: list[tuple[float, list[int]]], aspirants: list[list[int]]
) -> dict[str, Any]:
    return {
        "min_level": min_level,
        "weight": weight,
        "ways": [{"link": link, "holders": holders} for link, holders in ways],
        "aspirants": aspirants,
    }


def test_the_best_way_counts_per_requirement_and_requirements_add_up_by_weight() -> None:
    required = requirement(
        4,
        1.0,
        [(1.0, [holder(1, 4, True), holder(2, 2, True)]), (0.6, [holder(1, 5, True)])],
        [],
    )
    learnable = requirement(2, 0.5, [(1.0, [holder(3, 2, False)])], [[2, 3]])

    ranked = ranking([required, learnable], claimed_weight=0.7, aspiration_weight=0.3)

    every = ranked.candidates(0, len(ranked))
    assert [c["key"] for c in every] == [1, 2, 3]
    # 1: direct at level 4 (1.0) beats the adjacent 0.6; 2: half the level, plus the aspiration
    # 0.3 * 3 / 3; 3: claimed (0.7) at the level asked
    assert [c["potential"] for c in every] == pytest.approx(
        [1.0 / 1.5, (0.5 + 0.5 * 0.3) / 1.5, 0.5 * 0.7 / 1.5]
    )
    # depth: the highest level held per requirement (an aspiration holds none), by weight
    assert [c["depth"] for c in every] == [5.0, 2.0, 1.0]


def test_equal_potentials_go_to_the_higher_levels_then_to_the_lower_key() -> None:
    # everyone meets the level asked, so 9 at level 5 ties with 4 and 7 at level 3
    only = requirement(
        3, 1.0, [(1.0, [holder(9, 5, True), holder(7, 3, True), holder(4, 3, True)])], []
    )

    ranked = ranking([only], claimed_weight=0.7, aspiration_weight=0.3)

    assert [c["key"] for c in ranked.candidates(0, 3)] == [9, 4, 7]
    assert ranked.candidates(0, 2) == [
        {"key": 9, "potential": 1.0, "depth": 5.0},
        {"key": 4, "potential": 1.0, "depth": 3.0},
    ]
    assert ranked.floor(2) == 1.0  # 7 is left outside a pool of 2
    assert ranked.floor(3) == 0.0


def test_nobody_with_a_zero_potential_is_ranked() -> None:
    adjacent_only = requirement(3, 1.0, [(1.0, []), (0.0, [holder(5, 4, True)])], [])

    assert len(ranking([adjacent_only], claimed_weight=0.7, aspiration_weight=0.3)) == 0
    assert len(ranking([], claimed_weight=0.7, aspiration_weight=0.3)) == 0


def test_the_best_few_come_in_the_order_a_sort_of_everyone_gives() -> None:
    # 200 holders in 10 groups of equal potential (5 levels, claimed or not): slices cut ties
    holders = [holder(key, 1 + key % 5, key % 3 == 0) for key in range(1, 201)]
    only = requirement(5, 1.0, [(1.0, holders)], [])
    everyone = ranking([only], 0.7, 0.3).candidates(0, 200)

    for stop in (1, 7, 40, 41, 199):
        ranked = ranking([only], 0.7, 0.3)
        assert ranked.candidates(0, stop) == everyone[:stop]
        assert ranked.floor(stop) == everyone[stop]["potential"]
