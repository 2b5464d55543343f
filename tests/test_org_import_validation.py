"""A bad HRIS export is reported whole, as file:line: message, and changes nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.database import ConnectionInfo, Database
from seed.org_import import ImportInvalid
from seed.pipeline import import_org_dir
from tests.support.factories import OrgFactory

FILES = {
    "departments.csv": (
        "id,name,parent_id\nD1,Finance,\nD2,Tax,D9\nD1,Finance again,\nD3,Loop A,D4\nD4,Loop B,D3\n"
    ),
    "people.csv": (
        "id,name,email,department_id,manager_id,gig_capacity_pct\n"
        "P1,Ada Lovelace,ada@example.org,D1,,20\n"
        "P2,Bob Brown,bob@example.org,D7,P1,20\n"
        "P3,Cy Young,cy@example.org,D1,P9,20\n"
        "P4,Di Diaz,di@example.org,D1,P5,20\n"
        "P5,Ed Evans,ed@example.org,D1,P4,20\n"
        "P6,Flo Fox,flo@example.org,D1,P1,140\n"
    ),
    "person_skills.csv": (
        "person_id,skill,proficiency,validated\n"
        "P1,pyhton,3,true\n"
        "P1,PYTHON PROGRAMMING,6,maybe\n"
        "P1,python programming,4,true\n"
    ),
    "gigs.csv": "id,title,owner_id,department_id,budget\nG1,Churn dashboard,P1,D1,500\n",
}

EXPECTED = [
    "departments.csv:3: parent_id: unknown department 'D9'",
    "departments.csv:4: duplicate department id (first on line 2)",
    "departments.csv:5: parent_id: department 'D3' ends up inside itself",
    "departments.csv:6: parent_id: department 'D4' ends up inside itself",
    "people.csv:3: department_id: unknown department 'D7'",
    "people.csv:4: manager_id: unknown manager 'P9'",
    "people.csv:5: manager_id: 'P4' ends up reporting to themselves",
    "people.csv:6: manager_id: 'P5' ends up reporting to themselves",
    "people.csv:7: gig_capacity_pct: 140 is out of range 0 to 100",
    "person_skills.csv:2: skill: skill 'pyhton' matches no skill; did you mean 'Python'",
    "person_skills.csv:3: proficiency: 6 is out of range 1 to 5",
    "person_skills.csv:3: validated: 'maybe' is not true or false",
    "gigs.csv:1: unknown column 'budget' (this file takes: id, title, description, type, "
    "owner_id, department_id, hours_per_week, duration_weeks, start_date, seats, status, "
    "external_hourly_rate, created_at, published_at, filled_at, completed_at, location, remote, "
    "application_deadline)",
]


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


async def base_graph(db: Database) -> None:
    await OrgFactory().skill("s-python", "Python", "python programming").load(db)


async def snapshot(db: Database) -> list[object]:
    return list((await db.read("imports/graph_snapshot"))[0].values())


async def test_every_problem_is_reported_with_file_and_line_and_nothing_is_written(
    db: Database, tmp_path: Path
) -> None:
    await base_graph(db)
    before = await snapshot(db)
    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(db, write(tmp_path, FILES))
    assert [str(issue) for issue in raised.value.issues] == EXPECTED
    assert await snapshot(db) == before


async def test_a_duplicate_person_and_an_unknown_reference_in_later_files(
    db: Database, tmp_path: Path
) -> None:
    await base_graph(db)
    files = {
        "departments.csv": "id,name\nD1,Finance\n",
        "people.csv": (
            "id,name,email,department_id\n"
            "P1,Ada,ada@example.org,D1\n"
            "P1,Ada again,ada2@example.org,D1\n"
        ),
        "aspirations.csv": "person_id,skill,interest\nP2,Python,2\nP1,Python,4\n",
        "gig_skills.csv": "gig_id,skill,importance\nG9,Python,essential\n",
        "engagement_skills.csv": "engagement_id,skill\nE1,Python\n",
    }
    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(db, write(tmp_path, files))
    assert [str(issue) for issue in raised.value.issues] == [
        "people.csv:3: duplicate person id (first on line 2)",
        "aspirations.csv:2: person_id: unknown person 'P2'",
        "aspirations.csv:3: interest: 4 is out of range 1 to 3",
        "gig_skills.csv:2: importance: 'essential' is not one of required, nice_to_have, learnable",
        "engagement_skills.csv:1: missing column 'level'",
    ]


MOVE_ADA = "id,name,email,department_id\nP1,Ada,ada@new.example.org,D1\n"


async def test_an_email_another_person_holds_is_refused_before_anything_is_written(
    db: Database, tmp_path: Path
) -> None:
    await OrgFactory().department("D1").person("P1", "D1", email="ada@example.org").load(db)
    before = await snapshot(db)
    files = {
        "people.csv": (
            "id,name,email,department_id\n"
            "P2,Bob,bob@example.org,D1\n"
            "P3,Ada's namesake,ADA@example.org,D1\n"
        )
    }

    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(db, write(tmp_path, files), full_export=False)
    after_refusal = await snapshot(db)
    # P1 gives the address up first: then it is free
    await import_org_dir(db, write(tmp_path, {"people.csv": MOVE_ADA}), full_export=False)
    taken_over, _ = await import_org_dir(db, write(tmp_path, files), full_export=False)

    assert [str(issue) for issue in raised.value.issues] == [
        "people.csv:3: email: 'ADA@example.org' belongs to 'P1'; change theirs first"
    ]
    assert after_refusal == before
    assert [row.email for row in taken_over.people] == ["bob@example.org", "ADA@example.org"]


async def test_the_command_prints_every_problem_and_exits_non_zero(
    db: Database,
    tmp_path: Path,
    neo4j_connection: ConnectionInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await base_graph(db)
    before = await snapshot(db)
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    folder = write(tmp_path, FILES)
    for arguments in (["import", "org", str(folder)], ["import", "org", "--dry-run", str(folder)]):
        result = await asyncio.to_thread(CliRunner().invoke, app, arguments)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[: len(EXPECTED)] == EXPECTED
        assert "13 problem(s); nothing was written" in result.stderr
    assert await snapshot(db) == before


async def test_a_file_that_is_not_utf8_csv_is_a_problem_not_a_crash(
    db: Database, tmp_path: Path
) -> None:
    await base_graph(db)
    before = await snapshot(db)
    folder = write(tmp_path, {"departments.csv": 'id,name\nD1,"' + "x" * 200_000 + '"\n'})
    (folder / "people.csv").write_bytes(b"id,name,email\nP1,Ad\xff,ada@example.org\n")
    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(db, folder)
    assert [str(issue) for issue in raised.value.issues] == [
        "departments.csv:2: not valid CSV (field larger than field limit (131072)); "
        "is a quote unclosed or stray in this row?",
        "people.csv:0: not UTF-8 text (invalid start byte)",
    ]
    assert await snapshot(db) == before
