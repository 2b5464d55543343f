"""Scores a gig owner can read: 0-100 in a band, rounded figures that still add up, gaps that
only name what is missing (at the level the reasons show), ties broken by level, and the gig's
whole department left out."""

from __future__ import annotations

from typing import Any

import httpx

from graph.database import Database
from tests.support.api import graphql
from tests.support.factories import OrgFactory

MATCH = """
query ($gig: ID!, $options: MatchOptions) {
  matchCandidates(gigId: $gig, first: 20, options: $options) {
    person { id } score band coverage
    reasons { skill { id } how proficiency contribution }
    gaps { skill { id } importance heldProficiency missing }
  }
}
"""


def scored_org() -> OrgFactory:
    """G3 (dept SALES) asks sql, excel and crm at 3, all required; T1 is a team of SALES."""
    org = (
        OrgFactory()
        .skill("sql", "SQL")
        .skill("excel", "Microsoft Excel")
        .skill("crm", "use customer relationship management software")
        .skill("salesforce", "Salesforce", type="technology")
        .skill("advise", "advise others", generic=True)
        .skill("tax", "advise on tax")
        .broader("salesforce", "crm")
        .broader("tax", "advise", adjacent=False)  # a generic parent is never evidence
        .department("SALES")
        .department("T1", parent_id="SALES")
        .department("OTHER")
        .person("OWNER", "SALES")
        .person("TEAMMATE", "T1")
        .gig("G3", "OWNER", "SALES", hours_per_week=2.0)
        .gig("G4", "OWNER", "SALES", hours_per_week=2.0)
        .requires("G3", "sql", 3, "required")
        .requires("G3", "excel", 3, "required")
        .requires("G3", "crm", 3, "required")
        .requires("G4", "tax", 3, "required")
        .has_skill("TEAMMATE", "sql", 5, validated=True)
    )
    for person in ("ALL", "A-LEVEL3", "Z-LEVEL5", "NEAR", "ADVISER"):
        org.person(person, "OTHER")
    org.has_skill("ALL", "sql", 4, validated=True).has_skill("ALL", "excel", 4, validated=True)
    org.has_skill("ALL", "crm", 4, validated=True)
    org.has_skill("A-LEVEL3", "sql", 3, validated=True)
    org.has_skill("Z-LEVEL5", "sql", 5, validated=True)
    org.has_skill("NEAR", "sql", 3, validated=True).has_skill(
        "NEAR", "salesforce", 2, validated=True
    )
    org.has_skill("ADVISER", "advise", 5, validated=True)
    return org


async def candidates(
    client: httpx.AsyncClient, gig: str, **options: object
) -> list[dict[str, Any]]:
    variables = {"gig": gig, "options": options or None}
    body = await graphql(client, MATCH, "OWNER", variables=variables)
    result: list[dict[str, Any]] = body["data"]["matchCandidates"]
    return result


async def test_meeting_every_requirement_scores_100_and_rounded_contributions_add_up(
    client: httpx.AsyncClient, db: Database
) -> None:
    await scored_org().load(db)
    matches = {m["person"]["id"]: m for m in await candidates(client, "G3")}
    best = matches["ALL"]
    assert (best["score"], best["band"], best["coverage"]) == (100.0, "STRONG", 1.0)
    # a third each: 33.33 + 33.33 + 33.33 would be 99.99; the cent goes to one of them
    assert sorted(r["contribution"] for r in best["reasons"]) == [33.33, 33.33, 33.34]
    for match in matches.values():
        assert round(sum(r["contribution"] for r in match["reasons"]), 2) == match["score"]
        assert match["score"] == round(match["score"], 2)
    assert matches["A-LEVEL3"]["band"] == "PARTIAL"  # a third of the gig: 33.33 (25-50)


async def test_a_gap_holds_the_level_its_reason_uses_and_ties_go_to_the_higher_level(
    client: httpx.AsyncClient, db: Database
) -> None:
    await scored_org().load(db)
    matches = await candidates(client, "G3")
    order = [m["person"]["id"] for m in matches]
    assert order.index("Z-LEVEL5") < order.index("A-LEVEL3")  # same score, higher level first
    near = next(m for m in matches if m["person"]["id"] == "NEAR")
    crm = next(r for r in near["reasons"] if r["skill"]["id"] == "crm")
    assert (crm["how"], crm["proficiency"]) == ("ADJACENT", 2)  # through Salesforce at 2
    gap = next(g for g in near["gaps"] if g["skill"]["id"] == "crm")
    assert (gap["heldProficiency"], gap["missing"]) == (2, 1)
    assert {g["importance"] for m in matches for g in m["gaps"]} == {"REQUIRED"}


async def test_the_gigs_department_means_its_whole_subtree(
    client: httpx.AsyncClient, db: Database
) -> None:
    await scored_org().load(db)
    assert "TEAMMATE" not in {m["person"]["id"] for m in await candidates(client, "G3")}
    with_own = await candidates(client, "G3", includeOwnDepartment=True)
    assert "TEAMMATE" in {m["person"]["id"] for m in with_own}


async def test_a_generic_skill_is_no_evidence_for_a_specialist_one(
    client: httpx.AsyncClient, db: Database
) -> None:
    await scored_org().load(db)
    assert await candidates(client, "G4") == []  # ADVISER only advises others
