"""What a Prometheus server scrapes from /metrics: requests by operation and outcome, their
latency, Cypher latency by query file, the driver pool, and the counters other parts increment."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from graph.database import Database
from tests.support.api import auth
from tests.support.factories import OrgFactory
from tests.support.workflow import drive, gql, workflow_org

PERSON_QUERY = 'query PersonCard { person(id: "P1") { name } }'


async def scrape(client: httpx.AsyncClient) -> dict[str, list[Sample]]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {family.name: family.samples for family in text_string_to_metric_families(response.text)}


def value(samples: list[Sample], name: str, **labels: str) -> float:
    """A sample's value, 0 when the series does not exist yet."""
    return next(
        (s.value for s in samples if s.name == name and labels.items() <= s.labels.items()), 0.0
    )


async def test_metrics_count_requests_and_their_cypher(
    client: httpx.AsyncClient, db: Database, org: OrgFactory
) -> None:
    await org.department("D1").person("P1", "D1").load(db)
    before = await scrape(client)
    for _ in range(3):
        answered = await client.post("/graphql", json={"query": PERSON_QUERY}, headers=auth("P1"))
        assert answered.status_code == 200
    refused = await client.post("/graphql", json={"query": PERSON_QUERY})
    assert refused.status_code == 401
    after = await scrape(client)

    requests = "talentgraph_requests_total"
    ok = {"operation": "PersonCard", "outcome": "ok"}
    assert (
        value(after["talentgraph_requests"], requests, **ok)
        - value(before["talentgraph_requests"], requests, **ok)
        == 3
    )
    unauthenticated = {"operation": "/graphql", "outcome": "UNAUTHENTICATED"}
    assert value(after["talentgraph_requests"], requests, **unauthenticated) >= 1

    latency = after["talentgraph_request_duration_seconds"]
    count = "talentgraph_request_duration_seconds_count"
    assert value(latency, count, operation="PersonCard") >= 3
    assert value(latency, "talentgraph_request_duration_seconds_bucket", operation="PersonCard",
                 le="+Inf") == value(latency, count, operation="PersonCard")  # fmt: skip

    cypher = after["talentgraph_cypher_query_duration_seconds"]
    queried = {s.labels["query"] for s in cypher if s.name.endswith("_count")}
    assert "people/people_by_ids" in queried or "people/person_by_id" in queried
    assert value(cypher, "talentgraph_cypher_query_duration_seconds_sum") > 0


async def test_metrics_show_the_driver_pool_and_every_counter(client: httpx.AsyncClient) -> None:
    await client.get("/readyz")  # uses a pooled connection
    families = await scrape(client)
    pool = families["talentgraph_neo4j_pool_connections"]
    assert {s.labels["state"] for s in pool} == {"in_use", "idle"}
    assert sum(s.value for s in pool) >= 1
    assert families["talentgraph_neo4j_pool_max_connections"][0].value == 64
    for counter in (
        "talentgraph_notifications_delivered",
        "talentgraph_notifications_failed",
        "talentgraph_overdue_approvals_processed",
        "talentgraph_cypher_query_errors",
    ):
        assert counter in families


async def test_metrics_count_the_overdue_approvals_processed(
    client: httpx.AsyncClient, db: Database
) -> None:
    await workflow_org().load(db)
    counter = "talentgraph_overdue_approvals_processed_total"
    before = value((await scrape(client))["talentgraph_overdue_approvals_processed"], counter,
                   outcome="escalated")  # fmt: skip
    application_id = await drive(db, "ALICE", "G1", "shortlisted")  # waits for the manager
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)  # asked years ago: overdue by any timeout
    await db.write(
        "workflow/update_applications",
        rows=[{"id": application_id, "changes": {"approval_requested_at": long_ago}}],
        now=long_ago,
    )
    mutation = "mutation { processOverdueApprovals { result { __typename } } }"
    await gql(client, "HR", mutation, roles=("hr",))
    after = value((await scrape(client))["talentgraph_overdue_approvals_processed"], counter,
                  outcome="escalated")  # fmt: skip
    assert after - before == 1
