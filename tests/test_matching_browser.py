"""The analyst's copy: each matching .cypher file run as Neo4j Browser runs it, with the defaults
of its `:param` header, answers what the API answers."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from typing import Any

from graph.database import Database, Row
from graph.queries import cypher
from resolvers import matching, potentials
from tests.support.api import context
from tests.support.matching import leave, matching_org, near_org

PARAM = re.compile(r"^// :param (\w+) => (.*)$", re.MULTILINE)


MAP_KEY = re.compile(r"([{,]\s*)(\w+):")


def header_params(text: str) -> dict[str, Any]:
    """The `:param` defaults of a query's header; matching's are all plain literals (maps with
    Cypher's bare keys)."""
    literals = {"true": "True", "false": "False", "null": "None"}
    return {
        name: ast.literal_eval(MAP_KEY.sub(r"\1'\2':", literals.get(value.strip(), value.strip())))
        for name, value in PARAM.findall(text)
    }


async def browser_run(db: Database, name: str, **overrides: object) -> list[Row]:
    """Runs a query file as pasted into Neo4j Browser after its `:param` lines."""
    text = cypher(name)
    async with db.driver.session(database=db.database) as session:
        result = await session.run(text, header_params(text) | overrides)
        return [record.data() for record in await result.fetch(1000)]


def summary(rows: Sequence[Mapping[str, Any]], key: str) -> list[tuple[str, float]]:
    return [(row[key]["id"], row["score"]) for row in rows]


async def test_candidates_in_browser_match_the_api(db: Database) -> None:
    org = await matching_org().load(db)
    await leave(db, org, "GONE")
    through_api = await matching.match_candidates(context(db, "OWNER"), "G1", 20)

    # The analyst runs the two halves: what the gig's requirements reach (the header names a demo
    # organisation's gig; this graph's is G1), then the checks and reasons for ranked people.
    requirements = await browser_run(db, "matching/candidate_reach", gig_id="G1")
    defaults = matching.MatchWeights()
    ranked = potentials.ranking(requirements, defaults.claimed_weight, defaults.aspiration_weight)
    in_browser = await browser_run(
        db,
        "matching/match_candidates",
        gig_id="G1",
        requirements=requirements,
        candidates=ranked.candidates(0, len(ranked)),
    )

    assert summary(in_browser, "person") == summary(through_api, "person")
    assert [row["reasons"] for row in in_browser] == [row["reasons"] for row in through_api]


async def test_recommendations_in_browser_match_the_api(db: Database) -> None:
    await matching_org().load(db)

    in_browser = await browser_run(db, "matching/recommend_gigs", person_id="SECRET")
    through_api = await matching.recommend_gigs(context(db, "SECRET"), "SECRET", 20)

    assert summary(in_browser, "gig") == summary(through_api, "gig")
    assert in_browser[0]["growth"] is True


async def test_people_near_a_skill_in_browser_match_the_api(db: Database) -> None:
    await near_org().load(db)

    in_browser = await browser_run(db, "matching/people_near_skill", skill_id="python")
    through_api = await matching.people_near_skill(context(db, "OWNER"), "python", 2, 20)

    assert summary(in_browser, "person") == summary(through_api, "person")
    assert [row["path_ids"] for row in in_browser] == [row["path_ids"] for row in through_api]
