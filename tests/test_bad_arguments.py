"""Arguments a client gets wrong are the client's mistake: a VALIDATION error naming the
argument, never a masked INTERNAL error (issue: a negative LIMIT, a date past the calendar, NaN;
the Lucene clause limit of a long skill search is gone with Lucene: `test_api_skills` searches
fifteen words). And production does not hint at the schema it hides."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from graph.database import ConnectionInfo, Database
from graph.settings import ServiceSettings
from service.app import create_app
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory


async def hr_and_employee(db: Database) -> None:
    await OrgFactory().department("D1").person("HR1", "D1").person("P1", "D1").load(db)


async def post(
    client: httpx.AsyncClient, query: str, variables: dict[str, object] | None = None
) -> dict[str, Any]:
    # json.dumps writes NaN and Infinity as JavaScript does; a careless client sends them so
    body = json.dumps({"query": query, "variables": variables or {}})
    response = await client.post(
        "/graphql",
        content=body,
        headers=auth("HR1", "hr") | {"Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()
    return result


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        pytest.param('{ auditTrail(personId: "P1", first: -1) { action } }', None, "first",
                     id="negative first"),
        pytest.param('{ analytics(period: {from: "2026-01-01", to: "9999-12-31"}) '
                     "{ ... on ValidationError { field } } }", None, "period.to",
                     id="the last day of the calendar"),
        pytest.param('{ people(first: 5, after: "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5") '
                     "{ totalCount } }", None, "after", id="an overflowing cursor"),
        pytest.param("query($n: Int!) { people(first: $n) { totalCount } }",
                     {"n": float("inf")}, "n", id="Infinity"),
        pytest.param("mutation($h: Float) { createGig(input: {title: \"x\", type: PROJECT, "
                     'departmentId: "D1", hoursPerWeek: $h}) { result { __typename } } }',
                     {"h": float("nan")}, "h", id="NaN"),
    ],
)  # fmt: skip
async def test_a_bad_argument_is_a_validation_error_naming_it(
    client: httpx.AsyncClient,
    db: Database,
    query: str,
    variables: dict[str, object] | None,
    field: str,
) -> None:
    await hr_and_employee(db)

    body = await post(client, query, variables)

    errors = body.get("errors", [])
    assert isinstance(errors, list)
    codes = {error["extensions"]["code"] for error in errors}
    assert "INTERNAL" not in codes
    if "VALIDATION" in codes:
        assert field in {error["extensions"].get("field") for error in errors}
    else:  # a typed ValidationError result
        assert body["data"], body
        assert field in json.dumps(body["data"])


async def test_two_anonymous_operations_in_one_document_are_refused(
    client: httpx.AsyncClient, db: Database
) -> None:
    await hr_and_employee(db)
    body = await post(client, "{ viewer { roles } } { viewer { roles } }")
    assert body["data"] is None
    assert "must be the only defined operation" in json.dumps(body["errors"])


@pytest.fixture
async def production(
    db: Database, neo4j_connection: ConnectionInfo
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(ServiceSettings(secret=TEST_SECRET, mode="production"), neo4j_connection)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


async def test_production_gives_no_did_you_mean_hints(
    production: httpx.AsyncClient, db: Database
) -> None:
    await hr_and_employee(db)
    body = await post(production, "{ peple(first: 1) { totalCount } }")
    [error] = body["errors"]
    assert error["message"] == "Cannot query field 'peple' on type 'Query'."


async def test_a_user_error_is_logged_as_one_line_without_a_traceback(
    client: httpx.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await hr_and_employee(db)
    with caplog.at_level(logging.INFO):
        await post(client, "{ nope }")
    records = [r for r in caplog.records if "nope" in r.getMessage()]
    assert records
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in records)
