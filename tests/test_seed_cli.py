"""`talentgraph seed --out` and `talentgraph demo`, as `make demo` runs them."""

from __future__ import annotations

import asyncio
import csv
from datetime import date, timedelta
from pathlib import Path

import jwt
import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.database import ConnectionInfo, Database
from graph.settings import service_settings
from resolvers.surveys.pulses import quarters_between
from seed.org_import import FILES


def test_seed_out_writes_an_hris_export_only(tmp_path: Path) -> None:
    arguments = ["seed", "--people", "120", "--gigs", "10", "--seed", "4", "--as-of", "2026-11-01"]
    result = CliRunner().invoke(app, [*arguments, "--out", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    assert "wrote 120 people, 35 gigs" in result.output
    assert sorted(path.name for path in (tmp_path / "a").iterdir()) == sorted(FILES)
    with (tmp_path / "a" / "people.csv").open(encoding="utf-8") as handle:
        people = list(csv.DictReader(handle))
    assert len(people) == 120
    assert set(people[0]) == {column.name for column in FILES["people.csv"]}
    CliRunner().invoke(app, [*arguments, "--out", str(tmp_path / "b")])
    for name in FILES:  # same seed, same export
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


async def test_demo_seeds_an_empty_graph_prints_tokens_and_then_leaves_the_data(
    db: Database, neo4j_connection: ConnectionInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    first = await asyncio.to_thread(CliRunner().invoke, app, ["demo", "--people", "100"])
    assert first.exit_code == 0, first.output
    assert "seeding 100 people" in first.output
    lines = first.stdout.splitlines()
    hr_token = lines[lines.index(next(x for x in lines if x.startswith("HR token"))) + 1]
    claims = jwt.decode(hr_token, service_settings().secret, algorithms=["HS256"])
    assert "hr" in claims["roles"]
    counts = (await db.read("imports/graph_counts"))[0]
    assert counts["people"] == 100
    assert counts["taxonomy_skills"] > 13_000
    assert counts["gigs"] == 40 + 25
    hr = await db.read("people/person_by_id", id=claims["sub"])
    assert hr[0]["person"]["title"] == "Director, People & Culture"
    assert "opened this quarter's pulse surveys (2 rounds)" in first.output
    history = await db.read(
        "analytics/pulse_groups", measures="engagement", periods=quarters_before_today()
    )
    assert sum(row["respondents"] for row in history) > 100  # six quarters of answers

    again = await asyncio.to_thread(CliRunner().invoke, app, ["demo", "--people", "500"])
    assert again.exit_code == 0, again.output
    assert "already holds data" in again.output
    assert (await db.read("imports/graph_counts"))[0]["people"] == 100


def quarters_before_today() -> list[str]:
    today = date.today()
    return quarters_between(today - timedelta(days=540), today)


def test_surveys_open_rounds_opens_the_quarters_rounds_once(
    db: Database, neo4j_connection: ConnectionInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_connection.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_connection.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_connection.password)
    arguments = ["surveys", "open-rounds", "--now", "2026-10-01T08:00:00"]
    first = CliRunner().invoke(app, arguments)
    assert first.exit_code == 0, first.output
    assert "opened growth-pulse for 2026-Q4: 0 invited" in first.output
    assert "2 round(s) opened" in first.output
    again = CliRunner().invoke(app, arguments)
    assert "0 round(s) opened" in again.output


def test_bad_options_are_usage_errors_not_tracebacks(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    for options, message in (
        (["--as-of", "2026-13-01"], "Invalid value for --as-of: '2026-13-01' is not a YYYY-MM-DD"),
        (["--out", str(tmp_path / "a-file")], "Invalid value for '--out'"),
    ):
        result = CliRunner().invoke(app, ["seed", "--people", "5", *options])
        assert result.exit_code == 2
        assert message in result.stderr
