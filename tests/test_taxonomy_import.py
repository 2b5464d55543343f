"""The skills taxonomy: shipped from ESCO, looked up by any name, re-imported without breaking
what people and gigs point to."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from graph.database import Database
from graph.errors import ValidationFailed
from resolvers.skills import search_skills
from seed.org import BroaderRow, RelatedRow, SkillRow, TaxonomyData
from seed.pipeline import import_org_dir, import_taxonomy
from seed.profiles import occupation_labels
from seed.skill_index import SkillIndex, SkillName
from seed.taxonomy import (
    derive_from_esco,
    read_taxonomy,
    write_derived,
)
from tests.support.factories import OrgFactory


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
    found, _ = await search_skills(db, "progr pyth", 5)
    assert [row["id"] for row in found] == ["s-python"]
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
    esco = [s for s in taxonomy.skills if not s.is_group and s.type != "technology"]
    assert len(esco) == 13_896
    assert len({s.id for s in taxonomy.skills}) == len(taxonomy.skills)
    assert [o.label for o in taxonomy.occupations] == occupation_labels()
    assert all(o.essential for o in taxonomy.occupations)
    assert all(0 < r.weight <= 1 for r in taxonomy.related)
    assert all(r.skill_id < r.related_id and r.sources for r in taxonomy.related)
    tools = {s.id for s in taxonomy.skills if s.type == "technology"}
    assert len([b for b in taxonomy.broader if b.skill_id not in tools]) == 20_656


def shipped_tool(taxonomy: TaxonomyData, label: str) -> tuple[SkillRow, list[str]]:
    labels = {s.id: s.label for s in taxonomy.skills}
    tool = next(s for s in taxonomy.skills if s.label == label)
    return tool, sorted(labels[b.broader_id] for b in taxonomy.broader if b.skill_id == tool.id)


def test_the_tools_people_list_are_skills_under_the_esco_skill_they_serve() -> None:
    taxonomy = read_taxonomy()
    excel, excel_parents = shipped_tool(taxonomy, "Microsoft Excel")
    assert (excel.type, excel.commodity, excel.hot_technology) == (
        "technology",
        "Spreadsheet software",
        True,
    )
    assert "Excel" in excel.aliases
    assert excel_parents == ["use spreadsheets software"]
    assert shipped_tool(taxonomy, "Tableau")[1] == ["business intelligence", "data analytics"]
    assert "Power BI" in shipped_tool(taxonomy, "Microsoft Power BI")[0].aliases
    assert "JIRA" in shipped_tool(taxonomy, "Atlassian JIRA")[0].aliases
    assert "Salesforce" in shipped_tool(taxonomy, "Salesforce software")[0].aliases
    assert shipped_tool(taxonomy, "Kubernetes")[0].hot_technology
    # a tool ESCO already has is not duplicated: O*NET's name becomes an alias
    sql = [s for s in taxonomy.skills if s.label == "SQL"]
    assert len(sql) == 1
    assert "Structured query language SQL" in sql[0].aliases
    assert not [s for s in taxonomy.skills if s.label == "Structured query language SQL"]


def test_generic_skills_are_never_evidence_for_specialist_ones() -> None:
    taxonomy = read_taxonomy()
    generic = {s.id for s in taxonomy.skills if s.generic}
    labels = {s.label: s for s in taxonomy.skills}
    for label in ("advise others", "follow company standards", "manage staff", "think critically"):
        assert labels[label].generic, label
    assert not [r for r in taxonomy.related if {r.skill_id, r.related_id} & generic]
    counted = [b for b in taxonomy.broader if b.adjacent]
    assert not [b for b in counted if {b.skill_id, b.broader_id} & generic]
    groups = {s.id for s in taxonomy.skills if s.is_group}
    assert not [b for b in counted if b.broader_id in groups]


def test_the_taxonomy_derives_from_esco_csvs(tmp_path: Path) -> None:
    tables = {
        "skills.csv": [
            ["id", "label", "skill_type", "group_label", "description", "alt_labels"],
            ["k1", "SQL", "knowledge", "databases", "Querying data.", "structured query language"],
            ["k2", "data models", "knowledge", "databases", "", "SQL|data modelling"],
            ["k3", "data modelling", "knowledge", "databases", "", "data models"],
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
        "skill_relations.csv": [
            ["skill_id", "relation_type", "related_skill_id"],
            ["k1", "optional", "k2"],
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
        ("k3", False),
    ]
    assert taxonomy.skills[2].aliases == ("SQL", "data modelling")
    assert [(b.skill_id, b.broader_id, b.adjacent) for b in taxonomy.broader] == [
        ("k1", "g1", False)  # a step into a skill group is never evidence
    ]
    related = {(r.skill_id, r.related_id): r.sources for r in taxonomy.related}
    assert related[("k1", "k2")][0] == "esco"  # ESCO's curated relation, with its text signal
    assert "text" in related[("k2", "k3")]  # similar names
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


def test_onet_tools_are_placed_under_esco_and_deduplicated(tmp_path: Path) -> None:
    esco = tmp_path / "esco"
    onet = tmp_path / "onet"
    esco.mkdir()
    onet.mkdir()
    tables = {
        esco / "skills.csv": [
            ["id", "label", "skill_type", "group_label", "description", "alt_labels"],
            ["k1", "use spreadsheets software", "skill/competence", "", "Spreadsheets.", ""],
            ["k2", "SQL", "knowledge", "", "Querying data.", "structured query language"],
        ],
        esco / "skill_groups.csv": [["id", "code", "label", "description", "alt_labels"]],
        esco / "skill_hierarchy.csv": [["child_id", "child_kind", "parent_id", "parent_kind"]],
        esco / "occupations.csv": [
            ["id", "label"],
            *[[f"o{i}", label] for i, label in enumerate(occupation_labels())],
        ],
        esco / "occupation_skills.csv": [["occupation_id", "skill_id", "relation_type"]],
        onet / "technology_skills.csv": [
            ["onetsoc_code", "example", "commodity_code", "commodity_title", "hot_technology"],
            ["1", "Microsoft Excel", "43232110", "Spreadsheet software", "Y"],
            ["2", "Microsoft Excel", "43232110", "Spreadsheet software", "Y"],
            ["1", "Structured query language SQL", "43232306", "Data base software", "Y"],
            ["1", "Obscure Tool", "43232110", "Spreadsheet software", "N"],
            # a vendor is a first word that starts several tool names
            ["1", "Microsoft Word", "43232105", "Word processing software", "Y"],
            ["1", "Microsoft Visio", "43232105", "Word processing software", "Y"],
        ],
    }
    for path, rows in tables.items():
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    taxonomy = derive_from_esco(esco, occupation_labels())  # finds ../onet itself
    by_label = {s.label: s for s in taxonomy.skills}
    excel = by_label["Microsoft Excel"]
    assert excel.aliases == ("Excel",)
    assert [(b.broader_id, b.adjacent) for b in taxonomy.broader if b.skill_id == excel.id] == [
        ("k1", True)
    ]
    assert "Structured query language SQL" in by_label["SQL"].aliases
    assert "Obscure Tool" not in by_label  # one occupation, not hot: not a skill of its own
    write_derived(taxonomy, tmp_path / "one")
    write_derived(derive_from_esco(esco, occupation_labels()), tmp_path / "two")
    for name in ("skills.csv.gz", "broader.csv.gz", "related.csv.gz"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
