"""Liveness, readiness and the first path from HTTP to Cypher."""

import httpx
import pytest

from graph.connection import Backend, local_server
from graph.database import Database
from tests.support.api import auth
from tests.support.factories import OrgFactory


async def test_healthz_answers_without_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ready_with_neo4j_and_schema(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_readyz_follows_the_database_down_and_up(
    client: httpx.AsyncClient, neo4j_backend: Backend
) -> None:
    if neo4j_backend is not Backend.LOCAL:
        pytest.skip("only the local server can be stopped from the tests")
    server = local_server("tests")
    server.stop()
    try:
        down = await client.get("/readyz")
        assert down.status_code == 503
        assert down.json()["status"] == "unavailable"
    finally:
        server.start()
    up = await client.get("/readyz")
    assert up.status_code == 200


async def test_graphql_needs_a_token(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": '{ person(id: "P1") { name } }'})
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "missing bearer token"


async def test_a_forged_token_is_refused(client: httpx.AsyncClient) -> None:
    headers = {"Authorization": "Bearer not.a.token"}
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.status_code == 401


async def test_a_person_and_a_skill_search_reach_cypher(
    client: httpx.AsyncClient, db: Database, org: OrgFactory
) -> None:
    await (
        org.skill("s-python", "Python (computer programming)", "python", "py")
        .skill("s-excel", "use spreadsheets software", "excel")
        .department("D1", "Analytics")
        .person("P1", "D1", name="Ada Lovelace", title="Data analyst")
        .load(db)
    )
    query = """
      query { person(id: "P1") { id name title }
              skills(search: "pyth") { edges { node { id label } } } }
    """
    response = await client.post("/graphql", json={"query": query}, headers=auth("P1"))
    assert response.status_code == 200
    assert response.json()["data"] == {
        "person": {"id": "P1", "name": "Ada Lovelace", "title": "Data analyst"},
        "skills": {
            "edges": [{"node": {"id": "s-python", "label": "Python (computer programming)"}}]
        },
    }
