"""Look-ahead at a field's selection: which nested fields a client asked for, so that a list or
object field can fetch everything a screen needs in one Cypher query (the resolvers switch the
query's optional parts on by parameters) and its nested fields resolve from what was fetched.

Fragments (named and inline) are flattened: a field selected in any of them counts. A field under
`@skip`/`@include` counts too; fetching a part the response then leaves out costs a little, never
a wrong answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.context import Info
from resolvers.records import NOT_FETCHED, Fetched

R = TypeVar("R")
T = TypeVar("T")


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
