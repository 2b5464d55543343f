"""How the schema executes: strawberry's execution context with a fast path for plain leaves
and compiled projections (`schema.projection`) for subtrees the parent's query fetched whole.

A screen's response is mostly leaves read straight off the objects a resolver built from its
Cypher row (`name`, `proficiency`, `label`...): a page of 50 people with their skills is some
4,000 fields, 3 in 4 of them such leaves. graphql-core executes each one in full (a resolve
info, the strawberry wrapper, the completion machinery), which costs several times what the
field's value does. For a field with no resolver of its own, no arguments and a scalar or enum
type, the fast path reads the attribute and serialises it directly. Anything out of the
ordinary (a null, an awaitable, a value the type refuses, field middleware) goes the standard
way, which then reports it exactly as before; the response is the same either way.
"""

from __future__ import annotations

from inspect import isawaitable
from typing import Any, cast

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
    get_named_type,
)
from graphql.execution.collect_fields import FieldDetails
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

from schema.projection import Plan, Projections

PLAIN_LEAF = "talentgraph.plain_leaf"
"""The key, in a GraphQLField's extensions, of (python attribute name, leaf type)."""
PROJECTIONS = "talentgraph.projections"
"""The key, in the schema's extensions, of its `Projections`."""


def _plain_leaf(field: GraphQLField) -> tuple[str, GraphQLScalarType | GraphQLEnumType] | None:
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or field.args or not definition.is_basic_field:
        return None
    leaf = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if not isinstance(leaf, GraphQLScalarType | GraphQLEnumType):
        return None
    return definition.python_name, leaf


def prepare(schema: GraphQLSchema) -> None:
    """Marks every field the leaf fast path may take and gives the schema its cache of
    compiled projections (once, when the schema is built)."""
    schema.extensions[PROJECTIONS] = Projections()
    for named in schema.type_map.values():
        if isinstance(named, GraphQLObjectType) and not named.name.startswith("__"):
            for field in named.fields.values():
                leaf = _plain_leaf(field)
                if leaf is not None:
                    field.extensions[PLAIN_LEAF] = leaf


class ExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        # field middleware (an extension's `resolve` hook) must see every field
        self.fast_leaves = not (middleware and middleware.middlewares)
        self.projections: Projections | None = (
            self.schema.extensions.get(PROJECTIONS) if self.fast_leaves else None
        )
        self._plans: dict[tuple[Any, int], tuple[list[FieldDetails], Plan | None]] = {}

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: list[FieldDetails],
        info: GraphQLResolveInfo[Any],
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        """A value whose whole subtree a compiled projection completes, in one walk; any other
        value, or one the walk gives up on, the standard way."""
        plan = self._plan(return_type, field_details_list)
        if plan is not None:
            try:
                return plan(result)
            except Exception:  # Abort, or an error the standard path reports
                pass
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _plan(
        self, return_type: GraphQLOutputType, field_details_list: list[FieldDetails]
    ) -> Plan | None:
        key = (return_type, id(field_details_list))
        known = self._plans.get(key)
        if known is not None:
            return known[1]
        plan = None
        if (
            self.projections is not None
            and not isinstance(get_named_type(return_type), GraphQLScalarType | GraphQLEnumType)
            and all(detail.defer_usage is None for detail in field_details_list)
        ):
            plan = self.projections.plan(
                return_type, field_details_list, self.fragments, self._collected
            )
        # the list stays referenced with its plan, so that its id is not reused
        self._plans[key] = field_details_list, plan
        return plan

    def _collected(
        self, object_type: GraphQLObjectType, field_details_list: list[FieldDetails]
    ) -> dict[str, list[FieldDetails]]:
        return self.collect_subfields(object_type, field_details_list).grouped_field_set

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Any,
        grouped_field_set: dict[str, Any],
        position_context: Any,
    ) -> Any:
        """The plain leaves of an object at once, the other fields the standard way; the
        response keeps the order of the query."""
        if not self.fast_leaves:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        fields = parent_type.fields
        leaves: dict[str, Any] = {}
        others: dict[str, Any] = {}
        for response_name, field_details_list in grouped_field_set.items():
            field = fields.get(field_details_list[0].node.name.value)
            value = _plain_leaf_value(field, source_value) if field is not None else None
            if value is None:
                others[response_name] = field_details_list
            else:
                leaves[response_name] = value
        if not others:
            return leaves
        rest = super().execute_fields(parent_type, source_value, path, others, position_context)
        if self.is_awaitable(rest):

            async def in_order() -> dict[str, Any]:
                return _in_order(grouped_field_set, leaves, await rest)

            return in_order()
        return _in_order(grouped_field_set, leaves, cast(dict[str, Any], rest))


_PLAIN = frozenset({str, int, float, bool})


def _plain_leaf_value(field: GraphQLField, source: Any) -> Any:
    """The serialised value of a plain leaf, or None when the standard path must take it."""
    leaf = field.extensions.get(PLAIN_LEAF)
    if leaf is None:
        return None
    name, leaf_type = leaf
    value = getattr(source, name, None)
    if value is None or (type(value) not in _PLAIN and isawaitable(value)):
        return None
    try:
        serialized = leaf_type.serialize(value)
    except Exception:  # the standard path reports it
        return None
    return None if serialized is Undefined else serialized


def _in_order(
    grouped_field_set: dict[str, Any], leaves: dict[str, Any], rest: dict[str, Any]
) -> dict[str, Any]:
    if not leaves:
        return rest
    return {
        name: leaves[name] if name in leaves else rest[name]
        for name in grouped_field_set
        if name in leaves or name in rest
    }
