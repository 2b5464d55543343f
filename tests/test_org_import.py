"""HRIS import: a generated export goes in whole, twice changes nothing, changes update in place."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from graph.database import Database
from seed.generate import generate_org
from seed.loader import load_org, load_taxonomy
from seed.org import OrgData, TaxonomyData
from seed.org_import import ImportInvalid, read_org_dir, write_org_dir
from seed.pipeline import import_org_dir
from seed.taxonomy import read_taxonomy, subset

AS_OF = date(2026, 11, 1)


@cache
def generated() -> tuple[OrgData, TaxonomyData]:
    """A small generated organisation and the part of the real taxonomy it uses."""
    org = generate_org(read_taxonomy(), 80, gigs=30, seed=3, as_of=AS_OF)
    return org, subset(read_taxonomy(), org.taxonomy_skill_ids())


async def export(db: Database, folder: Path) -> OrgData:
    org, taxonomy = generated()
    await load_taxonomy(db, taxonomy, complete=True)
    write_org_dir(org, folder)
    return org


async def snapshot(db: Database) -> tuple[list[str], list[str]]:
    row = (await db.read("imports/graph_snapshot"))[0]
    return sorted(map(repr, row["nodes"])), sorted(map(repr, row["relationships"]))


async def counts(db: Database) -> dict[str, int]:
    row = (await db.read("imports/graph_snapshot"))[0]
    found: Counter[str] = Counter(labels[0] for labels, _ in row["nodes"])
    found.update(kind for _, kind, _, _ in row["relationships"])
    return dict(found)


def rewrite(path: Path, change: dict[str, dict[str, str]], drop: frozenset[str]) -> None:
    """Rewrites a CSV, changing cells of rows by id and dropping rows by id."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(r | change.get(r["id"], {}) for r in rows if r["id"] not in drop)


async def test_a_generated_export_round_trips_with_its_counts_and_values(
    db: Database, tmp_path: Path
) -> None:
    org = await export(db, tmp_path)
    _, results = await import_org_dir(db, tmp_path)
    assert {r.phase: r.rows for r in results}["people"] == len(org.people)
    found = await counts(db)
    assert found["Person"] == len(org.people)
    assert found["Department"] == len(org.departments)
    assert found["Gig"] == len(org.gigs)
    assert found["Engagement"] == found["Application"] == len(org.engagements)
    assert found["HAS_SKILL"] >= len(org.person_skills)
    assert found["ASPIRES_TO"] == len(org.aspirations)
    assert found["REQUIRES"] == len(org.gig_skills)
    assert found["REPORTS_TO"] == len(org.people) - 1
    assert found["DEMONSTRATED"] == len(org.demonstrated_skills)
    assert found["Skill"] == len(generated()[1].skills) + len(org.custom_skills)

    nodes, relationships = await snapshot(db)
    someone = org.people[10]
    assert any(someone.email in node and someone.title in node for node in nodes)
    market = next(g for g in org.gigs if g.id == "G-M02")
    assert any("'G-M02'" in node and market.title in node and "'open'" in node for node in nodes)
    done = next(e for e in org.engagements if e.rating is not None)
    assert any(f"'{done.id}'" in node and f"'rating': {done.rating}" in node for node in nodes)
    skill = org.person_skills[0]
    assert any(
        rel.startswith(f"['{skill.person_id}', 'HAS_SKILL', '{skill.skill_id}'")
        for rel in relationships
    )


async def test_importing_the_same_export_twice_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    await export(db, tmp_path)
    await import_org_dir(db, tmp_path)
    first = await snapshot(db)
    await import_org_dir(db, tmp_path)
    assert await snapshot(db) == first


async def test_a_changed_row_updates_and_a_missing_person_becomes_inactive(
    db: Database, tmp_path: Path
) -> None:
    org = await export(db, tmp_path)
    await import_org_dir(db, tmp_path)
    mover, leaver = org.people[20], org.people[-1]
    new_manager = org.people[3].id
    rewrite(
        tmp_path / "people.csv",
        {mover.id: {"title": "Senior Data Analyst", "manager_id": new_manager, "location": "Oslo"}},
        frozenset({leaver.id}),
    )
    for name in ("person_skills.csv", "aspirations.csv"):  # a leaver's rows go with them
        with (tmp_path / name).open(encoding="utf-8") as handle:
            lines = [line for line in handle if not line.startswith(f"{leaver.id},")]
        (tmp_path / name).write_text("".join(lines), encoding="utf-8")

    await import_org_dir(db, tmp_path)

    nodes, relationships = await snapshot(db)
    moved = next(node for node in nodes if f"'id': '{mover.id}'" in node)
    assert "'title': 'Senior Data Analyst'" in moved
    assert "'location': 'Oslo'" in moved
    assert f"['{mover.id}', 'REPORTS_TO', '{new_manager}', {{}}]" in relationships
    assert sum(rel.startswith(f"['{mover.id}', 'REPORTS_TO'") for rel in relationships) == 1
    left = next(node for node in nodes if f"'id': '{leaver.id}'" in node)
    assert "'active': False" in left
    assert any(rel.startswith(f"['{leaver.id}', 'MEMBER_OF'") for rel in relationships)


async def test_references_may_point_to_what_the_graph_already_holds(
    db: Database, tmp_path: Path
) -> None:
    first, second = tmp_path / "departments", tmp_path / "people"
    first.mkdir()
    second.mkdir()
    (first / "departments.csv").write_text("id,name,parent_id\nD1,Finance,\nD2,Tax,D1\n")
    (second / "people.csv").write_text(
        "name,id,email,department_id,manager_id\n"
        "Ada Lovelace,P1,ada@example.org,D1,\n"
        "Alan Turing,P2,alan@example.org,D2,P1\n"
    )
    (second / "departments.csv").write_text("id,name,parent_id\nD3,Treasury,D1\n")
    await import_org_dir(db, first)
    await import_org_dir(db, second)
    found = await counts(db)
    assert found["Department"] == 3
    assert found["Person"] == 2
    assert found["PART_OF"] == 2
    nodes, _ = await snapshot(db)
    alan = next(node for node in nodes if "'P2'" in node)
    assert "'gig_capacity_pct': 20.0" in alan
    assert "'weekly_hours': 40.0" in alan


async def test_dry_run_validates_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    org = await export(db, tmp_path)
    before = await snapshot(db)
    validated, results = await import_org_dir(db, tmp_path, dry_run=True)
    assert results == []
    assert len(validated.people) == len(org.people)
    assert await snapshot(db) == before


async def test_a_file_edited_after_validation_is_refused_not_loaded(
    db: Database, tmp_path: Path
) -> None:
    org = await export(db, tmp_path)
    validated = await read_org_dir(db, tmp_path)  # the loader reads the files again, in batches
    with (tmp_path / "person_skills.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{org.people[0].id},no such skill,3,false\n")

    with pytest.raises(ImportInvalid) as raised:
        await load_org(db, validated)

    assert [str(issue) for issue in raised.value.issues] == [
        "person_skills.csv:0: changed while it was imported; import it again"
    ]
    found = await counts(db)
    assert found["Person"] == len(org.people)
    assert "HAS_SKILL" not in found
