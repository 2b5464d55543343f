"""Typed user errors: what a mutation returns when the user, not the code, got something wrong.

Every mutation returns a payload (`schema/payloads.py`) whose `result` is a union of its success
type and these four types, so a client handles every outcome with fragments and never parses an
error string.

The resolver (`resolvers/<domain>.py`) raises a `graph.errors.DomainError`; `typed_result`
awaits it and turns that error into its GraphQL type with `user_error`, the one mapping:

| raised (`graph.errors`)           | returned          |
| --------------------------------- | ----------------- |
| `NotFound(kind, id)`              | `NotFound`        |
| `Forbidden`                       | `Forbidden`       |
| `ValidationFailed(field, message)` | `ValidationError` |
| `InvalidTransition(...)`          | `Conflict` (with `currentState`) |
| `Conflict`, `ConstraintViolation` | `Conflict`        |

All four types implement the `UserError` interface, so `... on UserError { message }` catches
them all. A query field that raises a `DomainError` (a page size too big, a forged cursor) gives a
GraphQL error whose `extensions.code` names the type (`NOT_FOUND`, `FORBIDDEN`, `VALIDATION` with
`field`, `CONFLICT`). Anything that is not a `DomainError` is a bug: the service logs it and masks
it (`service/extensions.py`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from graph import errors

R = TypeVar("R")
T = TypeVar("T")


@strawberry.interface(description="Something the user can fix; `message` says what.")
class UserError:
    message: str


@strawberry.type(description="The thing the request names does not exist.")
class NotFound(UserError):
    kind: str
    id: strawberry.ID


@strawberry.type(description="The viewer may not do this.")
class Forbidden(UserError):
    pass


@strawberry.type(description="An input value breaks a rule; `field` names the input field.")
class ValidationError(UserError):
    field: str


@strawberry.type(
    description="The request contradicts the current state (a duplicate, a stale transition); "
    "`currentState` is set when a state machine refused a transition."
)
class Conflict(UserError):
    current_state: str | None = None


UserErrorType = NotFound | Forbidden | ValidationError | Conflict


def user_error(error: errors.DomainError) -> UserErrorType:
    """The GraphQL type of a domain error."""
    if isinstance(error, errors.NotFound):
        return NotFound(message=error.message, kind=error.kind, id=strawberry.ID(error.id))
    if isinstance(error, errors.Forbidden):
        return Forbidden(message=error.message)
    if isinstance(error, errors.ValidationFailed):
        return ValidationError(message=error.detail, field=error.field)
    if isinstance(error, errors.InvalidTransition):
        return Conflict(message=error.message, current_state=error.current)
    if isinstance(error, errors.Conflict):
        return Conflict(message=error.message)
    raise TypeError(f"no GraphQL type for {type(error).__name__}")


async def typed_result(work: Awaitable[R], convert: Callable[[R], T]) -> T | UserErrorType:
    """Awaits a resolver and converts its result, or returns the typed user error it raised."""
    try:
        value = await work
    except errors.DomainError as error:
        return user_error(error)
    return convert(value)
