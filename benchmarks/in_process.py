"""GraphQL in process, as the service executes it: its schema and a request's context, for
benchmarks that time resolvers without HTTP. Kept out of `benchmarks.common`, so that the
benchmarks whose own process is a client (the raw-Cypher baselines of `api_people_page`) do not
carry the schema in their heap."""

from __future__ import annotations

from graph.database import Database
from graph.settings import ServiceSettings
from resolvers.context import Context
from resolvers.identity import Viewer
from schema import build_schema
from service.extensions import ServiceSchema, service_extensions

SETTINGS = ServiceSettings()
"""Read once, as the service reads its settings once when it starts: reading them per request
would add a millisecond to every in-process GraphQL figure."""


SERVICE_SCHEMA = build_schema(service_extensions(SETTINGS), ServiceSchema)
"""The schema as `talentgraph serve` runs it (its limits, parser and validation caches), for
figures measured in process: what a request costs the service, less HTTP."""


def api_context(db: Database, person_id: str, *roles: str) -> Context:
    """The context an in-process `SERVICE_SCHEMA.execute` gets: what the service makes of a
    request by `person_id`, an employee with `roles`."""
    return Context(
        db=db, viewer=Viewer(person_id, frozenset({"employee", *roles})), settings=SETTINGS
    )
