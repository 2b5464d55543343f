"""Tracing, when an operator turns it on: OpenTelemetry spans for each HTTP request and GraphQL
operation, on the tracer provider the deployment sets up (here one that keeps spans in memory)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from graph.database import ConnectionInfo, Database
from graph.settings import ServiceSettings
from service.app import create_app
from tests.support.api import TEST_SECRET, auth
from tests.support.factories import OrgFactory

SPANS = InMemorySpanExporter()


@pytest.fixture(scope="module")
def tracer_provider() -> TracerProvider:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(SPANS))
    trace.set_tracer_provider(provider)  # once per process, as a deployment does at start
    return provider


@pytest.fixture
async def traced(
    db: Database, neo4j_connection: ConnectionInfo, tracer_provider: TracerProvider
) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(secret=TEST_SECRET, tracing=True)
    app = create_app(settings, neo4j_connection)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


async def test_a_request_leaves_http_and_graphql_spans(
    traced: httpx.AsyncClient, db: Database, org: OrgFactory
) -> None:
    await org.department("D1").person("P1", "D1").load(db)
    SPANS.clear()
    query = 'query PersonCard { person(id: "P1") { name } }'
    response = await traced.post("/graphql", json={"query": query}, headers=auth("P1"))
    assert response.status_code == 200
    names = [span.name for span in SPANS.get_finished_spans()]
    assert any(name.startswith("POST /graphql") for name in names), names
    assert "GraphQL Query: PersonCard" in names, names


async def test_tracing_is_off_by_default(client: httpx.AsyncClient, db: Database) -> None:
    SPANS.clear()
    await client.get("/healthz")
    assert SPANS.get_finished_spans() == ()
