"""What every mutation returns: a payload whose `result` is its success type or one of the typed
user errors of `schema/errors.py`, so a client handles every outcome with fragments and never
parses an error string. One helper makes both GraphQL types of a mutation:

    GigPayload = payload_type(Gig, "Gig", "The gig after the change, or why nothing changed.")

    @strawberry.mutation(graphql_type=GigPayload)
    async def publish_gig(self, info: Info, input: GigRefInput) -> Payload[Gig]:
        return await payload(gigs.transition(...), Gig.from_record)

gives `type GigPayload { result: GigResult! }` and `union GigResult = Gig | NotFound | Forbidden
| ValidationError | Conflict`.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from schema.errors import (
    Conflict,
    Forbidden,
    NotFound,
    UserErrorType,
    ValidationError,
    typed_result,
)

R = TypeVar("R")
T = TypeVar("T")


@dataclass(frozen=True)
class Payload(Generic[T]):
    """A mutation's answer as Python sees it; its GraphQL type is the one `payload_type` made."""

    result: T | UserErrorType


def payload_type(success: type, name: str, description: str | None = None) -> Any:
    """The GraphQL type `<name>Payload { result: <name>Result! }`, where `<name>Result` is the
    union of `success` and the user errors. Pass it as `graphql_type` of the mutation."""
    members = functools.reduce(
        operator.or_, (success, NotFound, Forbidden, ValidationError, Conflict)
    )
    # an annotation built at run time, which is what strawberry reads; mypy sees only `Any`
    result = Annotated[members, strawberry.union(f"{name}Result")]  # type: ignore[valid-type]
    namespace = {"__annotations__": {"result": result}, "__module__": __name__, "__doc__": None}
    return strawberry.type(type(f"{name}Payload", (), namespace), description=description)


async def payload(work: Awaitable[R], convert: Callable[[R], T]) -> Payload[T]:
    """Awaits a resolver and converts its result into the payload, or the user error it raised."""
    return Payload(await typed_result(work, convert))
