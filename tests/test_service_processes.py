"""The service keeps no state: two `talentgraph serve` processes against one Neo4j serve the
same API, and what is written through one is read through the other at once."""

from __future__ import annotations

import asyncio
import secrets
from datetime import timedelta

import httpx

from graph.database import ConnectionInfo, Database
from resolvers.identity import issue_token
from service.processes import serving
from tests.support.factories import OrgFactory

SET_SKILL = """
mutation ($skill: ID!, $level: Int!) {
  setSkill(input: {skillId: $skill, proficiency: $level}) { result { __typename } }
}
"""

SKILLS = '{ person(id: "P1") { skills { proficiency skill { id } } } }'


async def test_a_write_through_one_service_process_is_read_through_another(
    db: Database, neo4j_connection: ConnectionInfo
) -> None:
    await OrgFactory().skill("python").department("D1").person("P1", "D1").load(db)
    secret = secrets.token_urlsafe(32)  # production refuses the published test secret
    settings = {"TALENTGRAPH_SECRET": secret, "TALENTGRAPH_MODE": "production"}
    headers = {"Authorization": f"Bearer {issue_token('P1', [], secret, timedelta(hours=1))}"}

    with (
        serving(neo4j_connection, workers=2, settings=settings) as first,
        serving(neo4j_connection, workers=1, settings=settings) as second,
    ):
        await asyncio.gather(first.wait_ready(), second.wait_ready())
        async with (
            httpx.AsyncClient(base_url=first.url, headers=headers, timeout=60) as one,
            httpx.AsyncClient(base_url=second.url, headers=headers, timeout=60) as other,
        ):
            before = (await other.post("/graphql", json={"query": SKILLS})).json()
            written = await one.post(
                "/graphql", json={"query": SET_SKILL, "variables": {"skill": "python", "level": 4}}
            )
            after = (await other.post("/graphql", json={"query": SKILLS})).json()

    assert before == {"data": {"person": {"skills": []}}}
    assert written.json() == {"data": {"setSkill": {"result": {"__typename": "Person"}}}}
    assert after == {
        "data": {"person": {"skills": [{"proficiency": 4, "skill": {"id": "python"}}]}}
    }
