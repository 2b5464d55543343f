"""How much work a query document asks for, judged before GraphQL validates it: validation is
where a cheap-looking document gets expensive (`{ viewer { roles } }` 400 times, no aliases, cost
seconds of CPU comparing every pair of the repeated fields), so a document over the limits is
refused without being validated, let alone run.

- At most `max_fields` fields, counted with every fragment spread expanded (a fragment that
  spreads another three times, and so on, counts for all it expands to).
- No response name (or fragment spread) more than `MAX_REPEATS` times in one selection set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

from service import codes

MAX_REPEATS = 5


class QueryTooLarge(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Counter:
    def __init__(self, document: DocumentNode, limit: int) -> None:
        self.fragments = {
            node.name.value: node
            for node in document.definitions
            if isinstance(node, FragmentDefinitionNode)
        }
        self.limit = limit
        self.memo: dict[str, int] = {}
        self.expanding: set[str] = set()

    def fragment(self, name: str) -> int:
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.expanding:
            return 0  # unknown or cyclic: validation says so, once the size is known to be sane
        self.expanding.add(name)
        size = self.selections(definition.selection_set)
        self.expanding.discard(name)
        self.memo[name] = size
        return size

    def selections(self, selection_set: SelectionSetNode | None) -> int:
        if selection_set is None:
            return 0
        _check_repeats(selection_set)
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += 1 + self.selections(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                total += self.selections(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
            if total > self.limit:
                raise QueryTooLarge(f"the query asks for more than {self.limit} fields")
        return total


def _names(selection_set: SelectionSetNode) -> Iterator[str]:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield (selection.alias or selection.name).value
        elif isinstance(selection, FragmentSpreadNode):
            yield f"...{selection.name.value}"


def _check_repeats(selection_set: SelectionSetNode) -> None:
    repeated = [name for name, n in Counter(_names(selection_set)).items() if n > MAX_REPEATS]
    if repeated:
        raise QueryTooLarge(
            f"{repeated[0]!r} is asked for more than {MAX_REPEATS} times in one selection"
        )


def check_query_size(document: DocumentNode, max_fields: int) -> None:
    """Raises `QueryTooLarge` when `document` is over the limits of the module's docstring."""
    counter = _Counter(document, max_fields)
    total = 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            total += counter.selections(definition.selection_set)
        elif isinstance(definition, FragmentDefinitionNode):
            counter.fragment(definition.name.value)
        if total > max_fields:
            raise QueryTooLarge(f"the query asks for more than {max_fields} fields")


class QuerySizeLimiter(SchemaExtension):
    """Refuses an oversized document before validation runs (see the module's docstring)."""

    def __init__(self, *, max_fields: int) -> None:
        self.max_fields = max_fields

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.pre_execution_errors is None:
            try:
                check_query_size(context.graphql_document, self.max_fields)
            except QueryTooLarge as error:
                extensions = {"code": codes.QUERY_TOO_LARGE}
                context.pre_execution_errors = [GraphQLError(error.message, extensions=extensions)]
        yield
