"""Look-ahead at a field's selection: which nested fields a client asked for, so that a list or
object field can fetch everything a screen needs in one Cypher query (the resolvers switch the
query's optional parts on by parameters) and its nested fields resolve from what was fetched.

Fragments (named and inline) are flattened: a field selected in any of them counts. A field under
`@skip`/`@include` counts too; fetching a part the response then leaves out costs a little, never
a wrong answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.context import Context, Info
from resolvers.records import NOT_FETCHED, Fetched

R = TypeVar("R")
T = TypeVar("T")

FETCHED = "talentgraph.fetched"
"""The key, in a fetched field's metadata, of its `Fetch`."""


def _paths(selections: Iterable[Selection], prefix: str) -> Iterable[str]:
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            yield from _paths(selection.selections, prefix)
        elif isinstance(selection, SelectedField):
            path = f"{prefix}{selection.name}"
            yield path
            yield from _paths(selection.selections, f"{path}.")


def selected(info: Info, below: str = "") -> frozenset[str]:
    """The dotted paths (GraphQL names) of every field selected under the current field, or
    under its sub-field `below` ('edges.node' for a connection's nodes), relative to it:
    `{'name', 'skills', 'skills.skill', 'skills.skill.label', ...}`."""
    prefix = f"{below}." if below else ""
    paths = (path for field in info.selected_fields for path in _paths(field.selections, ""))
    return frozenset(path[len(prefix) :] for path in paths if path.startswith(prefix))


def fetched_or_loaded(
    part: Fetched[R], convert: Callable[[R], T], load: Callable[[], Awaitable[R]]
) -> T | Awaitable[T]:
    """A nested field's value: converted at once from the record's `part` when the parent's
    query fetched it (look-ahead), else an awaitable that loads it (a DataLoader, batched per
    tick). A field returning this resolves synchronously when it can: no task, no round trip."""
    if part is not NOT_FETCHED:
        return convert(part)

    async def loaded() -> T:
        return convert(await load())

    return loaded()


@dataclass(frozen=True)
class Fetch(Generic[R, T]):
    """How a fetched field's value is made from its object without a resolve info: the part of
    the object's record its query fetched (or `NOT_FETCHED`), and the conversion of that part
    into the field's value. `schema.projection` completes such a field from these directly."""

    part: Callable[[Any], Fetched[R]]
    convert: Callable[[R], T]


def fetched_field(
    part: Callable[[Any], Fetched[R]],
    convert: Callable[[R], T],
    load: Callable[[Context, Any], Awaitable[R]],
    *,
    description: str | None = None,
) -> Any:
    """A field (its type is its annotation) whose value is `convert(part(object))` when the
    object's query fetched the part (look-ahead), else `convert` of what `load` loads
    (batched): `fetched_or_loaded` as a field that compiled projections complete without
    calling it."""

    def resolve(root: Any, info: Info) -> Any:
        return fetched_or_loaded(part(root), convert, lambda: load(info.context, root))

    return strawberry.field(
        resolver=resolve,
        description=description,
        metadata={FETCHED: Fetch(part, convert)},
    )
