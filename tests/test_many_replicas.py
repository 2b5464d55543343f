"""Several stateless service processes against one Neo4j over `neo4j://` (routing, as against a
cluster or Aura): what one replica writes, the next request on another replica reads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from graph.database import ConnectionInfo, Database
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory
from tests.support.served import served

RETITLE = """mutation Retitle($title: String!) {
  updateProfile(input: {title: $title}) { result { __typename } }
}"""
TITLE = 'query Title { person(id: "P1") { title } }'


def routed(connection: ConnectionInfo) -> ConnectionInfo:
    """The same server through the routing scheme (`neo4j://`): the driver asks it for a routing
    table and sends writes to the leader and reads to followers, as on a cluster."""
    address = urlparse(connection.uri).netloc
    return replace(connection, uri=f"neo4j://{address}")


async def test_a_write_on_one_replica_is_read_on_another(
    db: Database, org: OrgFactory, neo4j_connection: ConnectionInfo, tmp_path: Path
) -> None:
    await org.department("D1").person("P1", "D1", title="Analyst").load(db)
    connection = routed(neo4j_connection)
    with (
        served(connection, tmp_path / "a.log", secret=TEST_SECRET) as replica_a,
        served(connection, tmp_path / "b.log", secret=TEST_SECRET) as replica_b,
    ):
        for round_ in range(10):
            writer, reader = (replica_a, replica_b) if round_ % 2 == 0 else (replica_b, replica_a)
            title = f"Analyst, round {round_}"
            wrote = writer.post(
                "/graphql",
                json={"query": RETITLE, "variables": {"title": title}},
                headers=auth("P1"),
            )
            assert wrote.json()["data"]["updateProfile"]["result"]["__typename"] == "Person", (
                wrote.text
            )
            read = reader.post("/graphql", json={"query": TITLE}, headers=auth("P1"))
            assert read.json()["data"]["person"]["title"] == title
