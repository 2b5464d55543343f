"""One mapping of the error hierarchy: a mutation's typed result and a query field's error carry
the same facts, and a NotFound names the GraphQL type of what is missing."""

from __future__ import annotations

from typing import get_args

import pytest

from graph import errors
from schema import schema
from schema.errors import error_extensions, user_error


def test_every_not_found_kind_is_a_graphql_type() -> None:
    for kind in get_args(errors.EntityKind):
        assert schema._schema.get_type(kind) is not None, kind


@pytest.mark.parametrize(
    ("error", "typename", "extensions"),
    [
        (
            errors.NotFound("Gig", "G9"),
            "NotFound",
            {"code": "NOT_FOUND", "kind": "Gig", "id": "G9"},
        ),
        (errors.Forbidden("no"), "Forbidden", {"code": "FORBIDDEN"}),
        (
            errors.ValidationFailed("first", "must be between 1 and 100"),
            "ValidationError",
            {"code": "VALIDATION", "field": "first"},
        ),
        (
            errors.InvalidTransition("gig", "draft", "complete"),
            "Conflict",
            {"code": "CONFLICT", "currentState": "draft"},
        ),
        (errors.ConstraintViolation("duplicate id"), "Conflict", {"code": "CONFLICT"}),
    ],
)
def test_a_domain_error_maps_to_one_type_and_one_code(
    error: errors.DomainError, typename: str, extensions: dict[str, str]
) -> None:
    assert type(user_error(error)).__name__ == typename
    assert error_extensions(error) == extensions
