"""Free text has a documented maximum: a 1 MB application note is refused (nothing stored), and a
10 MB body is refused with 413 before it is parsed."""

from __future__ import annotations

import httpx

from graph.database import Database
from tests.support.api import auth
from tests.support.workflow import workflow_org

APPLY = """mutation($note: String) { applyToGig(input: {gigId: "G1", note: $note}) {
  result { __typename ... on ValidationError { field message } } } }"""


async def test_a_megabyte_note_is_refused_and_nothing_is_stored(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)

    response = await client.post(
        "/graphql",
        json={"query": APPLY, "variables": {"note": "x" * 1_000_000}},
        headers=auth("ALICE"),
    )

    result = response.json()["data"]["applyToGig"]["result"]
    assert result == {
        "__typename": "ValidationError",
        "field": "note",
        "message": "must be at most 2,000 characters",
    }
    mine = await client.post(
        "/graphql", json={"query": "{ myApplications { id } }"}, headers=auth("ALICE")
    )
    assert mine.json()["data"]["myApplications"] == []


async def test_a_note_within_the_limit_is_kept(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().load(db)
    response = await client.post(
        "/graphql", json={"query": APPLY, "variables": {"note": "y" * 2_000}}, headers=auth("ALICE")
    )
    assert response.json()["data"]["applyToGig"]["result"]["__typename"] == "Application"


async def test_a_ten_megabyte_reason_is_refused_before_it_is_parsed(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    query = """mutation($r: String) {
      withdrawApplication(input: {applicationId: "A", reason: $r}) { __typename } }"""

    response = await client.post(
        "/graphql",
        json={"query": query, "variables": {"r": "z" * 10_000_000}},
        headers=auth("ALICE"),
    )

    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"
