"""A careless HRIS export: a stray quote, a blob for a name, a truncated people.csv. Each is
refused with what is wrong and where, and the graph stays as it was: nobody is marked inactive
because a file broke."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.database import ConnectionInfo, Database
from seed.org_import import ImportInvalid
from seed.pipeline import MassDeactivation, import_org_dir

PEOPLE = 1000
HEADER = "id,name,email,department_id,manager_id,title\n"


def person_line(number: int) -> str:
    manager = "" if number == 1 else "P0001"
    return f"P{number:04d},Person {number:04d},p{number:04d}@example.org,D1,{manager},Analyst\n"


def export(folder: Path, people: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "departments.csv").write_text("id,name,parent_id\nD1,Finance,\n", encoding="utf-8")
    (folder / "people.csv").write_text(people, encoding="utf-8")
    return folder


def full_people(count: int = PEOPLE) -> str:
    return HEADER + "".join(person_line(number) for number in range(1, count + 1))


async def people_state(db: Database) -> list[object]:
    return list((await db.read("imports/graph_snapshot"))[0].values())


async def active_people(db: Database) -> int:
    return int((await db.read("imports/graph_counts"))[0]["active_people"])


@pytest.fixture
async def imported(db: Database, tmp_path: Path) -> Database:
    """The graph after a good full export of 1,000 people."""
    await import_org_dir(db, export(tmp_path / "good", full_people()))
    assert await active_people(db) == PEOPLE
    return db


async def test_a_stray_quote_before_a_name_is_refused_at_its_line_and_deactivates_nobody(
    imported: Database, tmp_path: Path
) -> None:
    before = await people_state(imported)
    lines = full_people().splitlines(keepends=True)
    lines[3] = lines[3].replace("Person 0003", '"Person 0003')  # line 4 of the file
    # a quoted title further down gives the stray quote a partner, as in a real export
    lines[500] = lines[500].replace("Analyst", '"Analyst, Senior"')

    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(imported, export(tmp_path / "broken", "".join(lines)))

    [issue] = raised.value.issues
    assert (issue.file, issue.line) == ("people.csv", 4)
    assert "not valid CSV" in issue.message
    assert await people_state(imported) == before
    assert await active_people(imported) == PEOPLE


async def test_an_unclosed_quote_to_the_end_of_the_file_is_refused(
    imported: Database, tmp_path: Path
) -> None:
    before = await people_state(imported)
    lines = full_people().splitlines(keepends=True)
    lines[3] = lines[3].replace("Person 0003", '"Person 0003')

    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(imported, export(tmp_path / "broken", "".join(lines)))

    assert [str(issue) for issue in raised.value.issues] == [
        "people.csv:4: not valid CSV (unexpected end of data); "
        "is a quote unclosed or stray in this row?"
    ]
    assert await people_state(imported) == before


async def test_a_cell_longer_than_any_sane_value_is_refused(
    imported: Database, tmp_path: Path
) -> None:
    before = await people_state(imported)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(
        ["P0003", "x" * 58_078, "p0003@example.org", "D1", "P0001", "Analyst"]
    )
    lines = full_people().splitlines(keepends=True)
    lines[3] = buffer.getvalue()

    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(imported, export(tmp_path / "blob", "".join(lines)))

    assert [str(issue) for issue in raised.value.issues] == [
        "people.csv:4: name: 58,078 characters; at most 200"
    ]
    assert await people_state(imported) == before


async def test_a_truncated_full_export_says_how_many_and_who_and_changes_nothing(
    imported: Database, tmp_path: Path
) -> None:
    before = await people_state(imported)
    folder = export(tmp_path / "truncated", full_people(4))

    for dry_run in (True, False):
        with pytest.raises(MassDeactivation) as raised:
            await import_org_dir(imported, folder, dry_run=dry_run)
        message = raised.value.message
        assert "would mark 996 of 1,000 active people inactive (100%; the limit is 10%)" in message
        assert "P0005 (Person 0005), P0006 (Person 0006)" in message
        assert "and 976 more" in message
        assert "--allow-mass-deactivation" in message
    assert await people_state(imported) == before
    assert await active_people(imported) == PEOPLE


async def test_the_command_refuses_a_mass_deactivation_unless_told_it_is_right(
    imported: Database,
    tmp_path: Path,
    neo4j_connection: ConnectionInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    folder = str(export(tmp_path / "truncated", full_people(4)))

    refused = await asyncio.to_thread(CliRunner().invoke, app, ["import", "org", folder])
    assert refused.exit_code == 1
    assert "would mark 996 of 1,000 active people inactive" in refused.stderr
    assert await active_people(imported) == PEOPLE

    allowed = await asyncio.to_thread(
        CliRunner().invoke, app, ["import", "org", "--allow-mass-deactivation", folder]
    )
    assert allowed.exit_code == 0, allowed.stderr
    assert await active_people(imported) == 4


async def test_leavers_within_the_limit_are_deactivated_without_asking(
    imported: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await import_org_dir(imported, export(tmp_path / "leavers", full_people(PEOPLE - 100)))
    assert await active_people(imported) == PEOPLE - 100

    monkeypatch.setenv("TALENTGRAPH_IMPORT_MAX_DEACTIVATION_PCT", "5")
    with pytest.raises(MassDeactivation, match=r"100 of 900 active people inactive \(11%"):
        await import_org_dir(imported, export(tmp_path / "more", full_people(PEOPLE - 200)))
    assert await active_people(imported) == PEOPLE - 100
