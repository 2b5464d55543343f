"""Compiled projections: a subtree the parent's query fetched whole, completed in one walk.

A screen's response is mostly objects read straight off what one Cypher query fetched: a page of
50 people holds some 700 held skills, each with its skill. graphql-core completes each of them
field by field (a resolve info, the resolver, the completion machinery for every object and
every leaf), which costs many times what reading the values does. When every field selected in
a subtree is plain (read off the object: no resolver of its own, no arguments, no directive, no
abstract type) or `fetched` (a part the parent's query fetched, see `schema.selection`), the
subtree is completed by one walk of a plan compiled once per selection (cached by the
operation's field nodes, which the parser cache keeps from one request to the next).

The walk gives the standard path's very values or gives up: anything out of the ordinary (a null
where the type forbids one, an awaitable, an exception as a value, a value a scalar refuses, a
part not fetched) aborts it, and graphql-core completes the value the standard way, which then
reports it exactly as before. A walk has no side effects (it reads attributes and converts
records), so giving up half-way changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from inspect import isawaitable
from math import isfinite
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLString,
    InlineFragmentNode,
    SelectionSetNode,
    Undefined,
    get_named_type,
)
from graphql.execution.collect_fields import FieldDetails, FragmentDetails
from graphql.type.scalars import GRAPHQL_MAX_INT, GRAPHQL_MIN_INT
from strawberry.schema.schema_converter import GraphQLCoreConverter

from resolvers.records import NOT_FETCHED
from schema.selection import FETCHED, Fetch

Plan = Callable[[Any], Any]
"""Completes a resolved value, or raises `Abort`."""
Collect = Callable[[GraphQLObjectType, list[FieldDetails]], dict[str, list[FieldDetails]]]
"""An object type's sub-fields of a field selection, grouped by response name."""

MAX_PLANS = 4096
"""Plans kept per schema; past that the cache starts afresh (each plan keeps its field nodes)."""


class Abort(Exception):
    """The standard path must complete this value."""


class Projections:
    """The plans of one schema, by return type and field nodes."""

    def __init__(self) -> None:
        self._plans: dict[tuple[Any, ...], tuple[tuple[FieldNode, ...], Plan | None]] = {}

    def __len__(self) -> int:
        """How many plans are compiled."""
        return sum(plan is not None for _, plan in self._plans.values())

    def plan(
        self,
        return_type: GraphQLOutputType,
        field_details: list[FieldDetails],
        fragments: dict[str, FragmentDetails],
        collect: Collect,
    ) -> Plan | None:
        """The plan completing `return_type` for this selection, or None when the standard
        path must (compiled on first use)."""
        nodes = tuple(detail.node for detail in field_details)
        key = (return_type, *map(id, nodes))
        cached = self._plans.get(key)
        if cached is None:
            if len(self._plans) >= MAX_PLANS:
                self._plans.clear()
            # the nodes stay referenced with their plan, so that their ids are not reused
            cached = self._plans[key] = (
                nodes,
                _compile(return_type, field_details, fragments, collect),
            )
        return cached[1]


def _compile(
    return_type: GraphQLOutputType,
    field_details: list[FieldDetails],
    fragments: dict[str, FragmentDetails],
    collect: Collect,
    non_null: bool = False,
) -> Plan | None:
    """The plan of `return_type`; `non_null`: inside a non-null type, a null aborts."""
    if isinstance(return_type, GraphQLNonNull):
        return _compile(return_type.of_type, field_details, fragments, collect, non_null=True)
    if isinstance(return_type, GraphQLList):
        inner = _compile(return_type.of_type, field_details, fragments, collect)
        return None if inner is None else _each(inner, non_null)
    if isinstance(return_type, GraphQLScalarType | GraphQLEnumType):
        return _leaf(return_type, non_null)
    if isinstance(return_type, GraphQLObjectType):
        return _object(return_type, field_details, fragments, collect, non_null)
    return None  # an interface or a union: the standard path finds the runtime type


def _null(non_null: bool) -> None:
    """The completion of a null: null, or where the type forbids one, the standard path's
    error."""
    if non_null:
        raise Abort


def _each(inner: Plan, non_null: bool) -> Plan:
    def each(value: Any) -> Any:
        if value is None or value is Undefined:
            return _null(non_null)
        if type(value) is not list and type(value) is not tuple:
            raise Abort
        return [inner(item) for item in value]

    return each


_IDENTITY: dict[GraphQLScalarType, type] = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLBoolean: bool,
}
"""Scalars whose output coercion returns a value of this exact type unchanged."""
_PLAIN = frozenset({str, int, float, bool})


def _unchanged_number(leaf_type: GraphQLScalarType | GraphQLEnumType) -> Callable[[Any], bool]:
    """Whether a value is its own output coercion, for Int and Float (else never)."""
    if leaf_type is GraphQLInt:
        return lambda value: type(value) is int and GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT
    if leaf_type is GraphQLFloat:
        return lambda value: type(value) is float and isfinite(value)
    return lambda value: False


def _leaf(leaf_type: GraphQLScalarType | GraphQLEnumType, non_null: bool) -> Plan:
    coerce = leaf_type.coerce_output_value
    unchanged = _IDENTITY.get(leaf_type) if isinstance(leaf_type, GraphQLScalarType) else None
    number = _unchanged_number(leaf_type)

    def leaf(value: Any) -> Any:
        kind = type(value)
        if kind is unchanged or number(value):
            return value
        if value is None or value is Undefined:
            return _null(non_null)
        if kind not in _PLAIN and (isinstance(value, Exception) or isawaitable(value)):
            raise Abort
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise Abort
        return coerced

    return leaf


def _object(
    object_type: GraphQLObjectType,
    field_details: list[FieldDetails],
    fragments: dict[str, FragmentDetails],
    collect: Collect,
    non_null: bool,
) -> Plan | None:
    if object_type.is_type_of is not None:
        return None
    if any(
        _has_directives(detail.node.selection_set, fragments, set()) for detail in field_details
    ):
        return None  # @skip/@include may depend on the variables
    steps: list[Step] = []
    for response_name, details in collect(object_type, field_details).items():
        step = _field_step(response_name, object_type, details, fragments, collect)
        if step is None:
            return None
        steps.append(step)
    fields = tuple(steps)
    origin = _origin(object_type)

    def complete_object(value: Any) -> Any:
        if value is None or value is Undefined:
            return _null(non_null)
        if type(value) is not origin and (isinstance(value, Exception) or isawaitable(value)):
            raise Abort
        completed = {}
        for response_name, attribute, unchanged, complete in fields:
            if attribute is None:
                completed[response_name] = complete(value)
            else:
                item = getattr(value, attribute)
                completed[response_name] = item if type(item) is unchanged else complete(item)
        return completed

    return complete_object


Step = tuple[str, str | None, type | None, Plan]
"""How one response key of an object is completed: (response name, the attribute holding its
value, the type of value that is its own completion, the plan completing any other value),
or without an attribute (None), the plan completing it from the object itself."""


def _field_step(
    response_name: str,
    object_type: GraphQLObjectType,
    details: list[FieldDetails],
    fragments: dict[str, FragmentDetails],
    collect: Collect,
) -> Step | None:
    """None when the standard path must take the field."""
    node = details[0].node
    if any(detail.fragment_variable_values is not None for detail in details):
        return None
    if node.name.value == "__typename":
        typename = object_type.name
        return response_name, None, None, lambda value: typename
    field = object_type.fields.get(node.name.value)
    if field is None or field.args or any(detail.node.arguments for detail in details):
        return None
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    complete = _compile(field.type, details, fragments, collect)
    if definition is None or complete is None:
        return None
    if definition.is_basic_field and definition.default_resolver is getattr:
        leaf = get_named_type(field.type)
        unchanged = _IDENTITY.get(leaf) if isinstance(leaf, GraphQLScalarType) else None
        return response_name, definition.python_name, unchanged, complete
    fetch = definition.metadata.get(FETCHED) if definition.metadata else None
    if not isinstance(fetch, Fetch):
        return None
    part, convert = fetch.part, fetch.convert

    def fetched(value: Any) -> Any:
        raw = part(value)
        if raw is NOT_FETCHED:
            raise Abort
        return complete(convert(raw))

    return response_name, None, None, fetched


def _origin(object_type: GraphQLObjectType) -> type | None:
    definition = object_type.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    return origin if isinstance(origin, type) else None


def _has_directives(
    selection_set: SelectionSetNode | None, fragments: dict[str, FragmentDetails], seen: set[str]
) -> bool:
    """Whether a selection set holds a directive at its own level, fragments included."""
    if selection_set is None:
        return False
    for selection in selection_set.selections:
        if selection.directives:
            return True
        inner: Iterable[SelectionSetNode | None] = ()
        if isinstance(selection, InlineFragmentNode):
            inner = (selection.selection_set,)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            seen.add(selection.name.value)
            fragment = fragments.get(selection.name.value)
            inner = (fragment.definition.selection_set,) if fragment else ()
        if any(_has_directives(nested, fragments, seen) for nested in inner):
            return True
    return False
