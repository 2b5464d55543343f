"""How the schema executes: strawberry's execution context with a fast path for plain leaves.

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
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

PLAIN_LEAF = "talentgraph.plain_leaf"
"""The key, in a GraphQLField's extensions, of (python attribute name, leaf type)."""


def _plain_leaf(field: GraphQLField) -> tuple[str, GraphQLScalarType | GraphQLEnumType] | None:
    resolver = field.resolve
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or field.args or not getattr(resolver, "_is_default", False):
        return None
    leaf = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if not isinstance(leaf, GraphQLScalarType | GraphQLEnumType):
        return None
    return definition.python_name, leaf


def mark_plain_leaves(schema: GraphQLSchema) -> None:
    """Marks every field the fast path may take (once, when the schema is built)."""
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
