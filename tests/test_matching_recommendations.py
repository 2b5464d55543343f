"""Gigs for a person, people near a skill and a team for a big gig."""

from __future__ import annotations

import pytest

from graph.database import Database
from graph.errors import Forbidden, NotFound, ValidationFailed
from resolvers import matching
from tests.support.api import context
from tests.support.factories import OrgFactory
from tests.support.matching import ids, leave, matching_org, near_org


@pytest.fixture
async def loaded(db: Database) -> Database:
    org = await matching_org().load(db)
    await leave(db, org, "GONE")
    return db


async def test_recommendations_carry_the_same_score_as_the_candidate_match(
    loaded: Database,
) -> None:
    candidates = {
        row["person"]["id"]: row
        for row in await matching.match_candidates(context(loaded, "OWNER"), "G1", 20)
    }

    for person_id in ["EXPERT", "ADJACENT", "STAR", "ASPIRANT"]:
        rows = await matching.recommend_gigs(context(loaded, person_id), person_id, 20)
        assert [row["gig"]["id"] for row in rows] == ["G1"]
        assert rows[0]["score"] == pytest.approx(candidates[person_id]["score"])
        assert rows[0]["reasons"] == candidates[person_id]["reasons"]


async def test_private_aspirations_recommend_growth_gigs_to_the_person_only(
    loaded: Database,
) -> None:
    rows = await matching.recommend_gigs(context(loaded, "SECRET"), "SECRET", 20)

    assert [row["gig"]["id"] for row in rows] == ["G1"]
    assert rows[0]["growth"] is True
    assert rows[0]["growth_skill_ids"] == ["dataviz"]
    expert = await matching.recommend_gigs(context(loaded, "EXPERT"), "EXPERT", 20)
    assert expert[0]["growth"] is False


async def test_no_recommendations_for_gigs_out_of_reach(loaded: Database) -> None:
    assert await matching.recommend_gigs(context(loaded, "OWNER"), "OWNER", 20) == []
    assert await matching.recommend_gigs(context(loaded, "BUSY"), "BUSY", 20) == []
    assert await matching.recommend_gigs(context(loaded, "GONE"), "GONE", 20) == []


async def test_only_the_person_and_hr_see_their_recommendations(loaded: Database) -> None:
    with pytest.raises(Forbidden):
        await matching.recommend_gigs(context(loaded, "EXPERT"), "STAR", 20)
    assert await matching.recommend_gigs(context(loaded, "OWNER", "hr"), "STAR", 20)
    with pytest.raises(NotFound):
        await matching.recommend_gigs(context(loaded, "OWNER", "hr"), "NOBODY", 20)


async def test_people_near_a_skill_rank_by_proximity_then_proficiency_with_their_path(
    db: Database,
) -> None:
    await near_org().load(db)

    rows = await matching.people_near_skill(context(db, "OWNER"), "python", 2, 20)

    assert ids(rows) == ["PY", "PY-CLAIMED", "R", "JAVA"]
    paths = {row["person"]["id"]: row["path_ids"] for row in rows}
    assert paths["PY"] == ["python"]
    assert paths["R"] == ["python", "rlang"]
    assert paths["JAVA"] == ["python", "programming", "java"]
    assert [row["hops"] for row in rows] == [0, 0, 1, 2]


async def test_max_hops_bounds_how_far_people_near_a_skill_reach(db: Database) -> None:
    await near_org().load(db)

    assert ids(await matching.people_near_skill(context(db, "OWNER"), "python", 0, 20)) == [
        "PY",
        "PY-CLAIMED",
    ]
    assert "COBOL" in ids(await matching.people_near_skill(context(db, "OWNER"), "python", 3, 20))
    with pytest.raises(ValidationFailed):
        await matching.people_near_skill(context(db, "OWNER"), "python", 4, 20)
    with pytest.raises(NotFound):
        await matching.people_near_skill(context(db, "OWNER"), "fortran", 1, 20)


async def test_people_near_a_skill_filter_by_department_location_and_availability(
    db: Database,
) -> None:
    await near_org().load(db)

    def near(**filter: object) -> matching.NearSkillFilter:
        return matching.NearSkillFilter(**filter)  # type: ignore[arg-type]

    in_eng = await matching.people_near_skill(
        context(db, "OWNER"), "python", 3, 20, near(department_id="ENG")
    )
    assert ids(in_eng) == ["PY", "R", "COBOL"]  # BACKEND is part of ENG
    in_lyon = await matching.people_near_skill(
        context(db, "OWNER"), "python", 3, 20, near(location="Lyon")
    )
    assert ids(in_lyon) == ["PY", "PY-CLAIMED", "R"]
    available = await matching.people_near_skill(
        context(db, "OWNER"), "python", 3, 20, near(available_only=True)
    )
    assert "R" not in ids(available)


def team_org() -> OrgFactory:
    return (
        OrgFactory()
        .skill("python")
        .skill("sql")
        .skill("cobol")
        .department("GIG")
        .department("OTHER")
        .person("OWNER", "GIG")
        .gig("BIG", "OWNER", "GIG")
        .requires("BIG", "python", 3)
        .requires("BIG", "sql", 3)
        .requires("BIG", "cobol", 3)
        .person("BOTH", "OTHER")
        .has_skill("BOTH", "python", 5, validated=True)
        .has_skill("BOTH", "sql", 2, validated=True)
        .person("PY", "OTHER")
        .has_skill("PY", "python", 5, validated=True)
        .person("SQL", "OTHER")
        .has_skill("SQL", "sql", 5, validated=True)
    )


async def test_a_team_covers_together_what_nobody_covers_alone(db: Database) -> None:
    await team_org().load(db)

    team = await matching.suggest_team(context(db, "OWNER"), "BIG", 3)

    assert [member.candidate["person"]["id"] for member in team.members] == ["BOTH", "SQL"]
    assert [member.covers for member in team.members] == [["python", "sql"], ["sql"]]
    assert team.fit == pytest.approx(2 / 3)
    assert team.uncovered == ["cobol"]
    assert team.members[0].gain > team.members[1].gain > 0


async def test_team_size_is_bounded(db: Database) -> None:
    await team_org().load(db)

    with pytest.raises(ValidationFailed):
        await matching.suggest_team(context(db, "OWNER"), "BIG", 0)


async def test_people_near_a_skill_widen_their_pool_when_the_best_are_unavailable(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await near_org().load(db)
    monkeypatch.setattr(matching, "POOL_PER_RESULT", 1)
    available = matching.NearSkillFilter(available_only=True)

    rows = await matching.people_near_skill(context(db, "OWNER"), "rlang", 1, 1, available)

    assert ids(rows) == ["PY"]  # R holds rlang itself but has no gig capacity


async def test_reading_hop_by_hop_gives_the_answer_of_one_run(db: Database) -> None:
    await near_org().load(db)

    for first in [1, 2, 3, 4, 20]:
        one_run = await db.read(
            "matching/people_near_skill",
            skill_id="python",
            max_hops=3,
            first=first,
            pool=1000,
            department_id=None,
            location=None,
            available_only=False,
            direct_first=True,
            hop_decay=matching.HOP_DECAY,
            claimed_weight=matching.MatchWeights.claimed_weight,
        )
        hop_by_hop = await matching.people_near_skill(context(db, "OWNER"), "python", 3, first)
        assert [(r["person"]["id"], r["score"], r["path_ids"]) for r in hop_by_hop] == [
            (r["person"]["id"], r["score"], r["path_ids"]) for r in one_run
        ]
