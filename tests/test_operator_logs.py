"""What an operator reads in the service's log: in production one JSON object per line, one line
per request with its id, operation, viewer, status, duration and Cypher query count; user errors
as one line, bugs with their traceback."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from graph.database import ConnectionInfo, Database
from service.observability import json_formatter
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory
from tests.support.served import served

PERSON_QUERY = 'query PersonCard { person(id: "P1") { name title } }'
TOO_MANY_QUERY = "query HugePage { people(first: 100000) { totalCount } }"


def json_lines(log_file: Path) -> list[dict[str, Any]]:
    """Every line of the log, each parsed as JSON (a line that is not JSON fails the test)."""
    return [json.loads(line) for line in log_file.read_text().splitlines() if line.strip()]


async def test_production_logs_one_json_line_per_request(
    db: Database, org: OrgFactory, neo4j_connection: ConnectionInfo, tmp_path: Path
) -> None:
    await org.department("D1").person("P1", "D1", title="Analyst").load(db)
    log_file = tmp_path / "service.log"
    with served(neo4j_connection, log_file, mode="production", secret=TEST_SECRET) as service:
        answered = service.post(
            "/graphql",
            json={"query": PERSON_QUERY},
            headers={**auth("P1"), "X-Request-Id": "trace-4711"},
        )
        anonymous = service.post("/graphql", json={"query": PERSON_QUERY})
        too_many = service.post("/graphql", json={"query": TOO_MANY_QUERY}, headers=auth("P1"))
    assert answered.status_code == 200, answered.text
    assert answered.headers["X-Request-Id"] == "trace-4711"
    assert anonymous.status_code == 401
    assert len(anonymous.headers["X-Request-Id"]) == 32  # made up when the client sent none
    assert too_many.json()["errors"][0]["extensions"]["code"] == "VALIDATION"

    lines = json_lines(log_file)
    requests = {line["request_id"]: line for line in lines if line["event"] == "request"}
    card = requests["trace-4711"]
    assert card["level"] == "info"
    assert card["operation"] == "PersonCard"
    assert card["viewer"] == "P1"
    assert card["status"] == 200
    assert card["outcome"] == "ok"
    assert card["cypher_queries"] >= 1
    assert card["duration_ms"] > 0
    assert card["timestamp"].endswith("Z")

    refused = requests[anonymous.headers["X-Request-Id"]]
    assert (refused["status"], refused["outcome"], refused["viewer"]) == (
        401, "UNAUTHENTICATED", None
    )  # fmt: skip
    invalid = requests[too_many.headers["X-Request-Id"]]
    assert (invalid["operation"], invalid["outcome"]) == ("HugePage", "VALIDATION")

    # The user's error is one line without a traceback; uvicorn's own lines are JSON too.
    user_errors = [line for line in lines if line["event"].startswith("user error")]
    assert [line["request_id"] for line in user_errors] == [too_many.headers["X-Request-Id"]]
    assert all("exception" not in line for line in user_errors)
    assert any(line["logger"].startswith("uvicorn") for line in lines)


async def test_development_logs_are_readable_lines(
    db: Database, neo4j_connection: ConnectionInfo, tmp_path: Path
) -> None:
    log_file = tmp_path / "service.log"
    with served(neo4j_connection, log_file, mode="development") as service:
        service.get("/healthz", headers={"X-Request-Id": "dev-1"})
    request_line = next(line for line in log_file.read_text().splitlines() if "dev-1" in line)
    assert not request_line.startswith("{")
    assert "request" in request_line
    assert "status=200" in request_line


def test_a_bug_is_logged_with_its_traceback() -> None:
    nothing: dict[str, int] = {}
    try:
        nothing["missing"]
    except KeyError:
        record = logging.LogRecord(
            "talentgraph.service", logging.ERROR, __file__, 1, "request %s failed", ("r-1",),
            sys.exc_info(),
        )  # fmt: skip
    record.request_id = "r-1"
    line = json.loads(json_formatter().format(record))
    assert line["event"] == "request r-1 failed"
    assert line["level"] == "error"
    assert line["request_id"] == "r-1"
    assert line["exception"].startswith("Traceback (most recent call last)")
    assert "KeyError: 'missing'" in line["exception"]


def test_an_unsafe_request_id_is_replaced() -> None:
    from service.observability import request_id_of

    forged = {"headers": [(b"x-request-id", b"line\nbreak {json}")]}
    kept = {"headers": [(b"x-request-id", b"lb-1f3a:0042")]}
    assert request_id_of(kept) == "lb-1f3a:0042"
    assert request_id_of(forged) != "line\nbreak {json}"
