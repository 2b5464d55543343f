"""Every Prometheus metric of talentgraph, defined once here (the lowest layer), so any layer can
count what it does: `from graph.metrics import NOTIFICATIONS_DELIVERED` and
`NOTIFICATIONS_DELIVERED.labels(channel="email").inc()`. The service serves them at `/metrics`
(`service/observability.py`); the driver pool's gauges are read there when scraped.

Names follow Prometheus conventions: `_total` counters, `_seconds` histograms, base units.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram, disable_created_metrics

disable_created_metrics()  # type: ignore[no-untyped-call]  # `_created` series per label set only add noise to every scrape

# Requests: one per HTTP request (GraphQL and the other routes), by GraphQL operation name
# (`-` for none, the path for other routes) and outcome (`ok`, or the error code: `VALIDATION`,
# `FORBIDDEN`, `UNAUTHENTICATED`, `UNAVAILABLE`, `INTERNAL`, ...).
REQUESTS = Counter(
    "talentgraph_requests",
    "Requests served, by GraphQL operation name and outcome.",
    ["operation", "outcome"],
)
REQUEST_SECONDS = Histogram(
    "talentgraph_request_duration_seconds",
    "Time from a request's first byte to its last response byte, by GraphQL operation name.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)

# Cypher: every query the service sends, by the name of its file (`people/person_by_id`).
CYPHER_SECONDS = Histogram(
    "talentgraph_cypher_query_duration_seconds",
    "Time of one Cypher query, sent to its last record received, by query file.",
    ["query"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0, 60.0),
)
CYPHER_ERRORS = Counter(
    "talentgraph_cypher_query_errors",
    "Cypher queries that raised, by query file and talentgraph error class.",
    ["query", "error"],
)

# Notifications: the delivery side increments these, per channel (`email`, `websocket`, ...).
NOTIFICATIONS_DELIVERED = Counter(
    "talentgraph_notifications_delivered",
    "Notifications handed to a channel successfully.",
    ["channel"],
)
NOTIFICATIONS_FAILED = Counter(
    "talentgraph_notifications_failed",
    "Notifications a channel failed to deliver.",
    ["channel"],
)

# Governance: overdue manager approvals the timeout processing acted on, by what it did
# (`escalated`, `auto_approved`).
OVERDUE_APPROVALS_PROCESSED = Counter(
    "talentgraph_overdue_approvals_processed",
    "Overdue approvals processed by the timeout policy, by outcome.",
    ["outcome"],
)
