"""The skills taxonomy: shipped from ESCO, looked up by any name, re-imported without breaking
what people and gigs point to."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from graph.database import Database
from graph.errors import ValidationFailed
from resolvers.skills import fulltext_query
from seed.org import BroaderRow, RelatedRow, SkillRow, TaxonomyData
from seed.pipeline import import_org_dir, import_taxonomy
from seed.profiles import occupation_labels
from seed.taxonomy import (
    SkillIndex,
    SkillName,
    derive_from_esco,
    read_taxonomy,
    related_by_cooccurrence,
    write_derived,
)
from tests.factories import OrgFactory


def version_one() -> TaxonomyData:
    return TaxonomyData(
        skills=[
            SkillRow("g-ict", "information and communication technologies", is_group=True),
            SkillRow("s-sql", "SQL", ("structured query language",), "knowledge", "databases"),
            SkillRow("s-python", "Python (computer programming)", ("Python",), "knowledge"),
            SkillRow("s-cobol", "COBOL", ("common business-oriented language",), "knowledge"),
        ],
        broader=[BroaderRow("s-sql", "g-ict"), BroaderRow("s-python", "g-ict")],
        related=[RelatedRow("s-python", "s-sql", 0.4), RelatedRow("s-cobol", "s-sql", 0.3)],
    )


def version_two() -> TaxonomyData:
    """SQL relabelled, COBOL gone, a new skill and a changed weight."""
    return TaxonomyData(
        skills=[
            SkillRow("g-ict", "information and communication technologies", is_group=True),
            SkillRow("s-sql", "SQL (query language)", ("SQL", "structured query language")),
            SkillRow("s-python", "Python (computer programming)", ("Python",), "knowledge"),
            SkillRow("s-dbt", "dbt", ("data build tool",), "knowledge"),
        ],
        broader=[BroaderRow("s-sql", "g-ict"), BroaderRow("s-dbt", "g-ict")],
        related=[RelatedRow("s-python", "s-sql", 0.7), RelatedRow("s-dbt", "s-sql", 0.5)],
    )


async def imported(db: Database, taxonomy: TaxonomyData, folder: Path) -> None:
    write_derived(taxonomy, folder)
    await import_taxonomy(db, folder)


async def skill(db: Database, name: str) -> dict[str, object]:
    rows = await db.read("skills/skill_by_name", value=name)
    assert rows, f"no skill named {name!r}"
    found: dict[str, object] = rows[0]["skill"]
    return found


async def snapshot(db: Database) -> list[list[str]]:
    row = (await db.read("imports/graph_snapshot"))[0]
    return [sorted(map(repr, row["nodes"])), sorted(map(repr, row["relationships"]))]


async def links(db: Database) -> set[tuple[str, str, str, float | None]]:
    row = (await db.read("imports/graph_snapshot"))[0]
    return {(a, kind, b, props.get("weight")) for a, kind, b, props in row["relationships"]}


async def test_skills_are_found_by_id_label_or_alias_in_any_case_and_by_search(
    db: Database, tmp_path: Path
) -> None:
    await imported(db, version_one(), tmp_path)
    assert (await skill(db, "s-sql"))["label"] == "SQL"
    assert (await skill(db, "sql"))["id"] == "s-sql"
    assert (await skill(db, "  Structured Query LANGUAGE "))["id"] == "s-sql"
    assert (await skill(db, "python"))["id"] == "s-python"
    assert await db.read("skills/skill_by_name", value="fortran") == []
    found = await db.read(
        "skills/search_skills", query=fulltext_query("progr pyth"), skip=0, limit=5
    )
    assert [row["skill"]["id"] for row in found] == ["s-python"]
    python = await skill(db, "s-python")
    assert python["source"] == "taxonomy"
    assert python["custom"] is False
    assert python["type"] == "knowledge"
    assert ("s-python", "BROADER", "g-ict", None) in await links(db)
    assert ("s-python", "RELATED_TO", "s-sql", 0.4) in await links(db)


async def test_a_newer_taxonomy_updates_labels_and_relations_and_deprecates_what_went(
    db: Database, tmp_path: Path
) -> None:
    await imported(db, version_one(), tmp_path / "v1")
    org = OrgFactory().department("D1").person("P1", "D1").has_skill("P1", "s-cobol", 4)
    await org.gig("G1", "P1", "D1").requires("G1", "s-cobol").requires("G1", "s-sql").load(db)

    await imported(db, version_two(), tmp_path / "v2")

    sql = await skill(db, "s-sql")
    assert sql["label"] == "SQL (query language)"
    assert sql["label_key"] == "sql (query language)"
    assert (await skill(db, "sql"))["id"] == "s-sql"  # the old label lives on as an alias
    cobol = await skill(db, "cobol")
    assert cobol["deprecated"] is True
    assert (await skill(db, "dbt"))["deprecated"] is False
    edges = await links(db)
    assert ("P1", "HAS_SKILL", "s-cobol", None) in edges
    assert ("G1", "REQUIRES", "s-cobol", None) in edges
    assert ("G1", "REQUIRES", "s-sql", None) in edges
    assert ("s-python", "RELATED_TO", "s-sql", 0.7) in edges
    assert ("s-dbt", "RELATED_TO", "s-sql", 0.5) in edges
    assert ("s-cobol", "RELATED_TO", "s-sql", 0.3) not in edges
    assert ("s-python", "BROADER", "g-ict", None) not in edges

    await imported(db, version_one(), tmp_path / "v1")
    assert (await skill(db, "cobol"))["deprecated"] is False


async def test_importing_the_same_taxonomy_twice_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    await imported(db, version_one(), tmp_path)
    before = await snapshot(db)
    await import_taxonomy(db, tmp_path)
    assert await snapshot(db) == before


async def test_an_organisation_declares_its_own_skills_under_taxonomy_ones(
    db: Database, tmp_path: Path
) -> None:
    await imported(db, version_one(), tmp_path / "taxonomy")
    export = tmp_path / "export"
    export.mkdir()
    (export / "skills.csv").write_text(
        "id,label,aliases,broader\n"
        "acme-forge,Forge CI,forge|forge pipelines,structured query language\n"
    )
    (export / "departments.csv").write_text("id,name\nD1,Engineering\n")
    (export / "people.csv").write_text("id,name,email,department_id\nP1,Ada,ada@example.org,D1\n")
    (export / "person_skills.csv").write_text(
        "person_id,skill,proficiency,validated\nP1,FORGE PIPELINES,3,false\n"
    )
    await import_org_dir(db, export)
    forge = await skill(db, "forge")
    assert forge["custom"] is True
    assert forge["source"] == "custom"
    edges = await links(db)
    assert ("acme-forge", "BROADER", "s-sql", None) in edges
    assert ("P1", "HAS_SKILL", "acme-forge", None) in edges

    await imported(db, version_two(), tmp_path / "v2")  # a new taxonomy leaves custom skills be
    assert (await skill(db, "forge"))["deprecated"] is False
    assert ("acme-forge", "BROADER", "s-sql", None) in await links(db)


def test_the_shipped_copy_holds_all_of_esco_and_the_demo_occupations() -> None:
    taxonomy = read_taxonomy()
    assert len([s for s in taxonomy.skills if not s.is_group]) == 13_896
    assert len({s.id for s in taxonomy.skills}) == len(taxonomy.skills)
    assert [o.label for o in taxonomy.occupations] == occupation_labels()
    assert all(o.essential for o in taxonomy.occupations)
    assert all(0 < r.weight <= 1 for r in taxonomy.related)
    assert all(r.skill_id < r.related_id for r in taxonomy.related)
    assert len(taxonomy.broader) == 20_656


def test_adjacency_is_the_cosine_of_shared_occupations() -> None:
    profiles = [["a", "b"], ["a", "b"], ["a", "b", "c"], ["a", "c"], ["d"]]
    related = {(r.skill_id, r.related_id): r.weight for r in related_by_cooccurrence(profiles)}
    # a: 4 occupations, b: 3, shared 3 -> 3 / sqrt(12); a-c share 2 (< 3), b-c share 1
    assert related == {("a", "b"): round(3 / 12**0.5, 3)}


def test_the_taxonomy_derives_from_esco_csvs(tmp_path: Path) -> None:
    tables = {
        "skills.csv": [
            ["id", "label", "skill_type", "group_label", "description", "alt_labels"],
            ["k1", "SQL", "knowledge", "databases", "Querying data.", "structured query language"],
            ["k2", "data models", "knowledge", "databases", "", "SQL|data modelling"],
        ],
        "skill_groups.csv": [
            ["id", "code", "label", "description", "alt_labels"],
            ["g1", "06", "ICT", "Information technologies.", ""],
        ],
        "skill_hierarchy.csv": [
            ["child_id", "child_kind", "parent_id", "parent_kind"],
            ["k1", "skill", "g1", "skill_group"],
        ],
        "occupations.csv": [
            ["id", "label"],
            *[[f"o{i}", label] for i, label in enumerate(occupation_labels())],
        ],
        "occupation_skills.csv": [
            ["occupation_id", "skill_id", "relation_type"],
            *[[f"o{i}", "k1", "essential"] for i in range(3)],
            *[[f"o{i}", "k2", "optional"] for i in range(3)],
        ],
    }
    for name, rows in tables.items():
        with (tmp_path / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    taxonomy = derive_from_esco(tmp_path, occupation_labels())
    assert [(s.id, s.is_group) for s in taxonomy.skills] == [
        ("g1", True),
        ("k1", False),
        ("k2", False),
    ]
    assert taxonomy.skills[2].aliases == ("SQL", "data modelling")
    assert [(b.skill_id, b.broader_id) for b in taxonomy.broader] == [("k1", "g1")]
    assert [(r.skill_id, r.related_id, r.weight) for r in taxonomy.related] == [("k1", "k2", 1.0)]
    assert taxonomy.occupations[0].essential == ("k1",)
    assert taxonomy.occupations[0].optional == ("k2",)


def test_a_name_shared_by_two_skills_is_ambiguous_and_a_typo_gets_suggestions() -> None:
    index = SkillIndex(
        [
            SkillName("k1", "SQL", ("sql", "structured query language")),
            SkillName("k2", "data models", ("data models", "sql", "data modelling")),
            SkillName("k3", "old models", ("old models", "data modelling"), deprecated=True),
        ]
    )
    assert index.resolve("SQL") == "k1"  # a label beats an alias
    assert index.resolve("K2") == "k2"
    assert index.resolve("data modelling") == "k2"  # live skills beat deprecated ones
    with pytest.raises(LookupError, match="did you mean 'data models'"):
        index.resolve("data modles")
    both = SkillIndex([SkillName("a", "A", ("a", "x")), SkillName("b", "B", ("b", "x"))])
    with pytest.raises(LookupError, match="ambiguous"):
        both.resolve("x")


def test_a_taxonomy_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "skills.csv.gz").write_text("not gzip", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="not a readable taxonomy"):
        read_taxonomy(tmp_path)
    with gzip.open(tmp_path / "skills.csv.gz", "wt", encoding="utf-8") as handle:
        handle.write("name\nPython\n")
    with pytest.raises(ValidationFailed, match="a taxonomy file lacks the column 'id'"):
        read_taxonomy(tmp_path)
