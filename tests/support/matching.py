"""Organisations the matching tests share, and how they read the answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from graph.database import Database
from resolvers.records.matching import CandidateRow, NearbyPersonRow
from seed.loader import load_org
from seed.org import OrgData
from tests.support.factories import OrgFactory

NOW = datetime.now(UTC)


def matching_org() -> OrgFactory:
    """Gig G1 (dept GIG, owned by OWNER) needs python at 3 (required) and dataviz at 2
    (learnable); people in dept OTHER meet it in every way there is."""
    org = (
        OrgFactory()
        .skill("python", "Python")
        .skill("programming", "Programming")
        .skill("django", "Django")
        .skill("rlang", "R")
        .skill("dataviz", "Data visualisation")
        .broader("python", "programming")
        .broader("django", "python")
        .related("python", "rlang", 0.5)
        .department("GIG")
        .department("OTHER")
        .person("OWNER", "GIG")
        .person("INSIDER", "GIG")
        .gig("G0", "OWNER", "GIG", status="completed")
        .gig("G1", "OWNER", "GIG", hours_per_week=4.0)
        .requires("G1", "python", 3, "required")
        .requires("G1", "dataviz", 2, "learnable")
        .has_skill("OWNER", "python", 5, validated=True)
        .has_skill("INSIDER", "python", 5, validated=True)
    )
    people: list[tuple[str, str, int, bool]] = [
        ("EXPERT", "python", 4, True),
        ("CLAIMED", "python", 4, False),
        ("ADJACENT", "django", 4, True),
        ("PARENT", "programming", 4, True),
        ("RELATED", "rlang", 4, True),
        ("NOVICE", "python", 2, True),
        ("STAR", "python", 4, True),
        ("GONE", "python", 5, True),
        ("BUSY", "python", 5, True),
    ]
    for person_id, skill_id, level, validated in people:
        org.person(person_id, "OTHER").has_skill(person_id, skill_id, level, validated=validated)
    org.person("ASPIRANT", "OTHER").aspires("ASPIRANT", "dataviz", 3, "matching")
    org.person("SECRET", "OTHER").aspires("SECRET", "dataviz", 3, "private")
    org.person("DREAMER", "OTHER").aspires("DREAMER", "python", 3, "matching")
    # STAR finished two gigs last month; an engagement two years ago no longer counts.
    for number, completed in enumerate([NOW - timedelta(days=30), NOW - timedelta(days=20)]):
        org.engagement(f"E-STAR-{number}", "G0", "STAR", status="completed", completed_at=completed)
    org.engagement(
        "E-STAR-OLD", "G0", "STAR", status="completed", completed_at=NOW - timedelta(days=730)
    )
    # BUSY gives 6 of their 8 gig hours to an active engagement: 2 left, G1 needs 4.
    org.engagement("E-BUSY", "G0", "BUSY", status="active", hours_per_week=6.0)
    return org


async def leave(db: Database, org: OrgFactory, person_id: str) -> None:
    """The person is missing from a full HRIS export, which marks them inactive."""
    remaining = [person for person in org.org.people if person.id != person_id]
    await load_org(
        db, OrgData(departments=org.org.departments, people=remaining), full_people_export=True
    )


def ids(rows: Sequence[CandidateRow | NearbyPersonRow]) -> list[str]:
    return [row["person"]["id"] for row in rows]


def near_org() -> OrgFactory:
    """python under programming, with java and cobol beside it; rlang related to python."""
    return (
        OrgFactory()
        .skill("python", "Python")
        .skill("programming", "Programming")
        .skill("java", "Java")
        .skill("cobol", "COBOL")
        .skill("rlang", "R")
        .broader("python", "programming")
        .broader("java", "programming")
        .broader("cobol", "java")
        .related("python", "rlang", 0.7)
        .department("ENG")
        .department("BACKEND", parent_id="ENG")
        .department("SALES")
        .person("PY", "BACKEND", location="Lyon")
        .person("PY-CLAIMED", "SALES", location="Lyon")
        .person("JAVA", "SALES", location="Paris")
        .person("COBOL", "ENG", location="Paris")
        .person("R", "ENG", location="Lyon", gig_capacity_pct=0.0)
        .has_skill("PY", "python", 4, validated=True)
        .has_skill("PY-CLAIMED", "python", 4)
        .has_skill("JAVA", "java", 5, validated=True)
        .has_skill("COBOL", "cobol", 5, validated=True)
        .has_skill("R", "rlang", 5, validated=True)
    )
