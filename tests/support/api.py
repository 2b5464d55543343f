"""Talking to the API as a test does: tokens for people of the graph, GraphQL over HTTP, and
the resolvers' context for a viewer."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import httpx

from graph.database import Database
from graph.settings import ServiceSettings
from resolvers.context import Context
from resolvers.identity import Viewer, issue_token

TEST_SECRET = secrets.token_urlsafe(32)


def token_for(person_id: str, *roles: str) -> str:
    return issue_token(person_id, list(roles), TEST_SECRET, timedelta(hours=1))


def auth(person_id: str, *roles: str) -> dict[str, str]:
    """Headers that authenticate as `person_id` with extra `roles`."""
    return {"Authorization": f"Bearer {token_for(person_id, *roles)}"}


async def graphql(
    client: httpx.AsyncClient,
    query: str,
    person_id: str,
    *roles: str,
    variables: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """POSTs a GraphQL request as `person_id` with `roles`; returns the body of a 200 response."""
    body = {"query": query, "variables": variables or {}}
    response = await client.post("/graphql", json=body, headers=auth(person_id, *roles))
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def mutate(
    client: httpx.AsyncClient, query: str, who: str, *roles: str, **variables: object
) -> dict[str, Any]:
    """Runs a mutation that must not fail; returns its payload's `result`."""
    body = await graphql(client, query, who, *roles, variables=variables)
    assert "errors" not in body, body
    result: dict[str, Any] = next(iter(body["data"].values()))["result"]
    return result


def context(db: Database, person_id: str, *roles: str) -> Context:
    return Context(
        db=db,
        viewer=Viewer(person_id, frozenset({"employee", *roles})),
        settings=ServiceSettings(),
    )
