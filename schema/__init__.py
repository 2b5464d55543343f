"""The GraphQL schema, assembled from one module per domain.

A domain adds its root fields with a one-line edit: its `XQuery` / `XMutation` class in the
tuples below. `build_schema` takes the service's extensions (limits, error masking).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.tools import merge_types

from schema import surveys, workflow
from schema.admin import AdminMutation
from schema.analytics import AnalyticsQuery
from schema.delivery import DeliveryMutation, DeliveryQuery
from schema.departments import DepartmentsQuery
from schema.execution import ExecutionContext, prepare
from schema.gigs import GigsMutation, GigsQuery
from schema.matching import MatchingQuery
from schema.people import PeopleMutation, PeopleQuery
from schema.skills import SkillsMutation, SkillsQuery

Query = merge_types(
    "Query",
    (
        PeopleQuery,
        DepartmentsQuery,
        SkillsQuery,
        GigsQuery,
        AnalyticsQuery,
        *workflow.QUERIES,
        MatchingQuery,
        DeliveryQuery,
        *surveys.QUERIES,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        PeopleMutation,
        SkillsMutation,
        GigsMutation,
        *workflow.MUTATIONS,
        AdminMutation,
        DeliveryMutation,
        *surveys.MUTATIONS,
    ),
)
Subscription = merge_types("Subscription", workflow.SUBSCRIPTIONS)


def build_schema(
    extensions: Sequence[type[SchemaExtension] | Callable[[], SchemaExtension]] = (),
    schema_class: type[strawberry.Schema] = strawberry.Schema,
) -> strawberry.Schema:
    """The schema with the service's `extensions`; `schema_class` may change how the errors of a
    request are logged (`strawberry.Schema.process_errors`)."""
    built = schema_class(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=list(extensions),
        execution_context_class=ExecutionContext,
    )
    prepare(built._schema)
    return built


schema = build_schema()
