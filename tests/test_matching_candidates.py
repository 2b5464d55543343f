"""Candidates for a gig: who ranks above whom, who is never offered, and why (the reasons)."""

from __future__ import annotations

import pytest

from graph.database import Database, QueryLog
from graph.errors import Forbidden, NotFound, ValidationFailed
from resolvers import matching, people
from resolvers.records.matching import CandidateRow
from seed.loader import load_org
from seed.org import OrgData
from tests.support.api import context
from tests.support.factories import OrgFactory
from tests.support.matching import ids, leave, matching_org


@pytest.fixture
async def loaded(db: Database) -> Database:
    org = await matching_org().load(db)
    await leave(db, org, "GONE")
    return db


def by_id(rows: list[CandidateRow]) -> dict[str, CandidateRow]:
    return {row["person"]["id"]: row for row in rows}


async def test_direct_expert_outranks_adjacent_who_outranks_an_aspirant(loaded: Database) -> None:
    rows = await matching.match_candidates(context(loaded, "OWNER"), "G1", 20)

    order = ids(rows)
    assert order.index("EXPERT") < order.index("ADJACENT") < order.index("ASPIRANT")
    assert order[0] == "EXPERT"
    expert = by_id(rows)["EXPERT"]
    assert expert["score"] == pytest.approx(2 / 3)  # required python met fully, dataviz not at all
    assert expert["coverage"] == 1.0


async def test_evidenced_skills_weigh_more_than_claimed_ones(loaded: Database) -> None:
    rows = by_id(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20))

    assert rows["EXPERT"]["score"] > rows["CLAIMED"]["score"]
    assert rows["EXPERT"]["reasons"][0]["evidenced"] is True
    assert rows["CLAIMED"]["reasons"][0]["evidenced"] is False


async def test_reasons_say_how_each_requirement_is_met_and_add_up_to_the_score(
    loaded: Database,
) -> None:
    rows = await matching.match_candidates(context(loaded, "OWNER"), "G1", 20)

    for row in rows:
        assert sum(reason["contribution"] for reason in row["reasons"]) == pytest.approx(
            row["score"]
        )
        assert 0 < row["score"] <= 1
    found = by_id(rows)
    adjacent = found["ADJACENT"]["reasons"]
    assert [(r["skill_id"], r["how"], r["via_id"]) for r in adjacent] == [
        ("python", "ADJACENT", "django")
    ]
    assert found["PARENT"]["reasons"][0]["via_id"] == "programming"
    related = found["RELATED"]["reasons"][0]
    assert related["how"] == "ADJACENT"
    assert related["strength"] == pytest.approx(0.6 * 0.5)  # adjacent weight * RELATED_TO weight
    aspirant = found["ASPIRANT"]
    assert [(r["skill_id"], r["how"]) for r in aspirant["reasons"]] == [("dataviz", "ASPIRATION")]
    assert aspirant["coverage"] == 0.0
    assert [(g["skill_id"], g["missing"]) for g in aspirant["gaps"]] == [
        ("python", 3),
        ("dataviz", 2),
    ]


async def test_a_level_below_the_minimum_counts_partly_and_leaves_a_gap(loaded: Database) -> None:
    novice = by_id(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20))["NOVICE"]

    assert novice["reasons"][0]["strength"] == pytest.approx(2 / 3)
    assert novice["reasons"][0]["met"] is False
    assert novice["coverage"] == 0.0
    python_gap = next(gap for gap in novice["gaps"] if gap["skill_id"] == "python")
    assert (python_gap["held"], python_gap["missing"]) == (2, 1)


async def test_aspirations_never_count_for_required_skills_nor_private_ones_for_candidates(
    loaded: Database,
) -> None:
    found = ids(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20))

    assert "DREAMER" not in found
    assert "SECRET" not in found


async def test_nobody_inactive_over_capacity_or_owning_the_gig_appears(loaded: Database) -> None:
    options = matching.MatchOptions(include_own_department=True)
    found = ids(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20, options))

    assert "GONE" not in found
    assert "BUSY" not in found
    assert "OWNER" not in found
    assert "INSIDER" in found


async def test_the_gigs_own_department_is_left_out_unless_asked(loaded: Database) -> None:
    found = ids(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20))
    asked = ids(
        await matching.match_candidates(
            context(loaded, "OWNER"), "G1", 20, matching.MatchOptions(include_own_department=True)
        )
    )

    assert "INSIDER" not in found
    assert "EXPERT" in found  # the list is not empty: people of other departments are in it
    assert "INSIDER" in asked


async def test_available_only_off_lists_fully_booked_people_with_their_remaining_hours(
    loaded: Database,
) -> None:
    options = matching.MatchOptions(available_only=False)
    found = by_id(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20, options))

    assert found["BUSY"]["remaining_hours"] == pytest.approx(2.0)
    assert "GONE" not in found


async def test_exposure_rule_dampens_people_with_recent_engagements(loaded: Database) -> None:
    without_rule = matching.MatchOptions(weights=matching.MatchWeights(exposure_damping=0.0))
    plain = ids(await matching.match_candidates(context(loaded, "OWNER"), "G1", 20, without_rule))
    damped_rows = await matching.match_candidates(context(loaded, "OWNER"), "G1", 20)
    damped = ids(damped_rows)

    # Without the rule STAR ties EXPERT; with it, two recent engagements cost a third of the score
    # (1 / (1 + 0.25 * 2)) and STAR falls behind people who only claim the skill.
    assert plain.index("STAR") < plain.index("CLAIMED")
    assert damped.index("STAR") > damped.index("CLAIMED")
    star = by_id(damped_rows)["STAR"]
    assert star["recent_engagements"] == 2
    assert star["exposure"] == pytest.approx(1 / 1.5)
    assert star["score"] == pytest.approx(2 / 3 / 1.5)


async def test_weights_outside_their_bounds_are_refused(loaded: Database) -> None:
    options = matching.MatchOptions(weights=matching.MatchWeights(adjacent_weight=1.5))

    with pytest.raises(ValidationFailed) as refused:
        await matching.match_candidates(context(loaded, "OWNER"), "G1", 20, options)
    assert refused.value.field == "weights.adjacentWeight"


async def test_only_the_owner_and_hr_see_candidates(loaded: Database) -> None:
    with pytest.raises(Forbidden):
        await matching.match_candidates(context(loaded, "EXPERT"), "G1", 20)
    assert await matching.match_candidates(context(loaded, "EXPERT", "hr"), "G1", 20)
    with pytest.raises(NotFound):
        await matching.match_candidates(context(loaded, "OWNER"), "NO-SUCH-GIG", 20)


async def test_a_small_candidate_pool_is_widened_until_the_answer_is_exact(
    loaded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = matching.MatchOptions(include_own_department=True)
    expected = await matching.match_candidates(context(loaded, "OWNER"), "G1", 5, options)

    # With one potential per result, the best potentials (OWNER, INSIDER, GONE, BUSY, ...) are
    # ineligible or dampened; the resolver must widen the pool rather than return them short.
    monkeypatch.setattr(matching, "CANDIDATES_PER_RESULT", 1)
    assert await matching.match_candidates(context(loaded, "OWNER"), "G1", 5, options) == expected
    assert ids(expected)[:2] == ["INSIDER", "EXPERT"]  # equal scores: the higher level first


async def test_a_gig_asking_more_hours_than_anyone_has_is_answered_without_widening(
    db: Database,
) -> None:
    # Everyone gives at most 8 hours a week to gigs; G-LONG asks for 10.
    org = matching_org().gig("G-LONG", "OWNER", "GIG", hours_per_week=10.0)
    await org.requires("G-LONG", "python", 3).load(db)
    log = QueryLog()

    found = await matching.ranked_candidates(db.with_log(log), "G-LONG", 5)

    reach = await db.read(
        "matching/candidate_reach",
        gig_id="G-LONG",
        aspiration_visibilities=matching.CANDIDATE_VISIBILITIES,
        **matching.MatchOptions().params(),
    )
    assert found == reach == []  # nobody's capacity reaches 10 hours: no digest is even read
    assert "matching/population" not in log.counts
    unavailable = matching.MatchOptions(available_only=False)
    # everyone meeting python at 3 scores alike; GONE (still active here) holds it at 5
    assert ids(await matching.ranked_candidates(db, "G-LONG", 5, unavailable))[0] == "GONE"


async def test_capacity_changes_from_the_profile_and_the_hris_export_count_at_once(
    db: Database,
) -> None:
    # Everyone gives 8 of 40 hours a week to gigs; G-LONG asks for 10.
    org = matching_org().gig("G-LONG", "OWNER", "GIG", hours_per_week=10.0)
    await org.requires("G-LONG", "python", 3).load(db)
    assert await matching.ranked_candidates(db, "G-LONG", 5) == []

    await people.update_profile(
        context(db, "EXPERT"), "EXPERT", people.ProfileChange(gig_capacity_pct=30.0)
    )
    assert ids(await matching.ranked_candidates(db, "G-LONG", 5)) == ["EXPERT"]

    # The next HRIS export says 20% again: EXPERT no longer has the hours.
    await load_org(db, OrgData(departments=org.org.departments, people=org.org.people))
    assert await matching.ranked_candidates(db, "G-LONG", 5) == []

    # BUSY could give 12 hours but 6 go to an active engagement: 6 left, not 10.
    await people.update_profile(
        context(db, "BUSY"), "BUSY", people.ProfileChange(gig_capacity_pct=30.0)
    )
    log = QueryLog()
    assert await matching.ranked_candidates(db.with_log(log), "G-LONG", 5) == []
    assert "matching/population" not in log.counts


async def test_adjacency_through_related_skills_is_bounded_to_the_strongest(db: Database) -> None:
    org = (
        OrgFactory()
        .skill("hub")
        .department("GIG")
        .department("OTHER")
        .person("OWNER", "GIG")
        .gig("G", "OWNER", "GIG")
        .requires("G", "hub", 3)
    )
    weights = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    for number, weight in enumerate(weights):
        skill = f"near{number}"
        org.skill(skill).related("hub", skill, weight).person(f"P{number}", "OTHER")
        org.has_skill(f"P{number}", skill, 5, validated=True)
    await org.load(db)

    found = ids(await matching.match_candidates(context(db, "OWNER"), "G", 20))

    assert found == [f"P{number}" for number in range(matching.RELATED_LIMIT)]
