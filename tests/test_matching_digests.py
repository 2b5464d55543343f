"""Matching reads who holds a skill from the skill's holder digest, not from the edges: every way
a skill on a profile changes shows in the candidates at once, and the digests always say what
the edges say."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from graph.database import Database
from graph.migrate import apply_schema
from graph.vocabulary import GigStatus, SkillSource
from resolvers import matching, people
from resolvers.records.matching import CandidateRow
from resolvers.workflow import engagements
from seed.loader import load_org
from seed.org import OrgData, PersonSkillRow
from tests.support.api import context
from tests.support.matching import ids, matching_org

EDGES_AND_DIGESTS = """
MATCH (s:Skill)
OPTIONAL MATCH (p:Person)-[h:HAS_SKILL]->(s)
WITH s, collect(p.key * 16 + h.proficiency * 2 + CASE WHEN h.validated THEN 1 ELSE 0 END)
          AS from_edges
OPTIONAL MATCH (d:HolderDigest {skill_id: s.id})
RETURN s.id AS skill_id, coalesce(d.holders, []) AS digest, from_edges
"""


async def assert_digests_match_the_edges(db: Database) -> None:
    async with db.driver.session(database=db.database) as session:
        rows = await (await session.run(EDGES_AND_DIGESTS)).data()
    assert rows
    stale = {
        row["skill_id"]: (sorted(row["digest"]), sorted(row["from_edges"]))
        for row in rows
        if sorted(row["digest"]) != sorted(row["from_edges"])
    }
    assert stale == {}


def scores(rows: list[CandidateRow]) -> dict[str, float]:
    return {row["person"]["id"]: row["score"] for row in rows}


async def candidates(db: Database) -> list[CandidateRow]:
    return await matching.match_candidates(context(db, "OWNER"), "G1", 20)


async def test_a_skill_set_or_removed_on_a_profile_changes_the_ranking_at_once(
    db: Database,
) -> None:
    await matching_org().load(db)
    before = scores(await candidates(db))

    await people.set_skill(context(db, "ASPIRANT"), "ASPIRANT", "python", 3)
    await people.remove(context(db, "EXPERT"), "EXPERT", "python", "skill")
    after = scores(await candidates(db))

    # python claimed at 3 (0.7 of the required share) and the dataviz aspiration (0.3 of it)
    assert before["ASPIRANT"] == pytest.approx(0.5 * 0.3 / 1.5)
    assert after["ASPIRANT"] == pytest.approx((0.7 + 0.5 * 0.3) / 1.5)
    assert "EXPERT" in before
    assert "EXPERT" not in after
    await assert_digests_match_the_edges(db)


async def test_a_skill_shown_on_a_completed_gig_counts_as_evidence_at_once(db: Database) -> None:
    org = (
        matching_org()
        .gig("G2", "OWNER", "GIG", status=GigStatus.IN_PROGRESS, start_date=date(2026, 1, 5))
        .engagement("E-CLAIMED", "G2", "CLAIMED", status="active", hours_per_week=1.0)
    )
    await org.load(db)
    claimed_before = scores(await candidates(db))["CLAIMED"]

    completion = engagements.Completion(
        "E-CLAIMED", 10.0, 5, "Sharp work", [engagements.SkillEvidence("python", 5)]
    )
    await engagements.complete_engagement(context(db, "OWNER"), completion)

    # validated now (1.0 instead of 0.7 of the required share), dampened by the gig just done
    assert claimed_before == pytest.approx(0.7 / 1.5 / 1.25)  # the active engagement counts too
    assert scores(await candidates(db))["CLAIMED"] == pytest.approx(1.0 / 1.5 / 1.25)
    await assert_digests_match_the_edges(db)


async def test_an_hris_export_changes_the_ranking_at_once(db: Database) -> None:
    org = await matching_org().load(db)
    assert ids(await candidates(db))[0] != "NOVICE"

    export = OrgData(
        departments=org.org.departments,
        people=org.org.people,
        person_skills=[PersonSkillRow("NOVICE", "python", 5, True, SkillSource.HRIS)],
    )
    await load_org(db, export)

    assert scores(await candidates(db))["NOVICE"] == pytest.approx(1.0 / 1.5)
    await assert_digests_match_the_edges(db)


async def test_a_graph_from_before_digests_is_given_them_by_the_migration(db: Database) -> None:
    await matching_org().load(db)
    expected = await candidates(db)
    async with db.driver.session(database=db.database) as session:
        await session.run("MATCH (d:HolderDigest) DELETE d")
        await session.run("MATCH (p:Person) REMOVE p.key")
        await session.run("MATCH (k:KeySequence) DELETE k")
    assert await candidates(db) == []  # nobody is reached without digests

    await apply_schema(db.without_transaction_deadline())

    assert scores(await candidates(db)) == scores(expected)
    await assert_digests_match_the_edges(db)


async def test_concurrent_profile_edits_of_one_skill_all_reach_its_digest(db: Database) -> None:
    org = matching_org()
    holders = [f"HOLDER{number}" for number in range(12)]
    for person_id in holders:
        org.person(person_id, "OTHER").has_skill(person_id, "python", 1)
    await org.load(db)

    # changing a level locks only the edge: each writer must still see the others' changes
    await asyncio.gather(*(people.set_skill(context(db, p), p, "python", 4) for p in holders))

    await assert_digests_match_the_edges(db)
    ranked = scores(await candidates(db))
    assert [ranked[p] for p in holders] == pytest.approx([0.7 / 1.5] * len(holders))
