"""The one mapping of `graph.errors` to what a client sees, for mutations and query fields alike.

| raised (`graph.errors`)            | mutation `result`  | query field `extensions`       |
| ---------------------------------- | ------------------ | ------------------------------ |
| `NotFound(kind, id)`               | `NotFound`         | `NOT_FOUND`, `kind`, `id`      |
| `Forbidden`                        | `Forbidden`        | `FORBIDDEN`                    |
| `ValidationFailed(field, message)` | `ValidationError`  | `VALIDATION`, `field`          |
| `InvalidTransition(...)`           | `Conflict` + state | `CONFLICT`, `currentState`     |
| `Conflict`, `ConstraintViolation`  | `Conflict`         | `CONFLICT`                     |
| `DatabaseUnavailable`              | (a GraphQL error)  | `UNAVAILABLE`, on any field    |

A mutation returns a payload (`schema/payloads.py`) whose `result` is a union of its success type
and the four user-error types, so a client handles every outcome with fragments and never parses
an error string; all four implement `UserError`, so `... on UserError { message }` catches them
all. A query field raises: the service's `ErrorPolicy` (`service/extensions.py`) turns the
`DomainError` into a GraphQL error with `error_extensions`. Anything that is not a
`TalentGraphError` is a bug: the service logs it and masks it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

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

CODES: dict[type[UserError], str] = {
    NotFound: "NOT_FOUND",
    Forbidden: "FORBIDDEN",
    ValidationError: "VALIDATION",
    Conflict: "CONFLICT",
}
UNAVAILABLE = "UNAVAILABLE"
"""The code of `DatabaseUnavailable`: the request may succeed when tried again later."""


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


def error_extensions(error: errors.DomainError) -> dict[str, Any]:
    """The `extensions` of the GraphQL error a query field gives for `error`: the same facts its
    typed result carries."""
    typed = user_error(error)
    extensions: dict[str, Any] = {"code": CODES[type(typed)]}
    if isinstance(typed, NotFound):
        extensions |= {"kind": typed.kind, "id": typed.id}
    if isinstance(typed, ValidationError):
        extensions["field"] = typed.field
    if isinstance(typed, Conflict) and typed.current_state is not None:
        extensions["currentState"] = typed.current_state
    return extensions


async def typed_result(work: Awaitable[R], convert: Callable[[R], T]) -> T | UserErrorType:
    """Awaits a resolver and converts its result, or returns the typed user error it raised."""
    try:
        value = await work
    except errors.DomainError as error:
        return user_error(error)
    return convert(value)
