"""One check per kind of argument: every field that takes `first` refuses a count outside 1 to
the page limit the same way, as a VALIDATION error naming `first`."""

from __future__ import annotations

import httpx
import pytest
from graphql import GraphQLNonNull, Undefined

from graph.database import Database
from schema import schema
from tests.support.api import graphql
from tests.support.factories import OrgFactory


def _fields_taking_first() -> list[str]:
    """`name(required: "X", …, first: $first)` for every root query field with a `first`."""
    calls = []
    for name, field in schema._schema.query_type.fields.items():  # type: ignore[union-attr]
        if "first" not in field.args:
            continue
        required = [
            f'{arg}: "X"'
            for arg, spec in field.args.items()
            if isinstance(spec.type, GraphQLNonNull)
            and spec.default_value is Undefined
            and arg != "first"
        ]
        if name == "auditTrail":
            required.append('personId: "P1"')
        calls.append(f"{name}({', '.join([*required, 'first: $first'])})")
    return calls


FIELDS = _fields_taking_first()


def test_every_paged_root_field_is_checked_here() -> None:
    names = {call.split("(")[0] for call in FIELDS}
    assert {"people", "skills", "gigs", "matchCandidates", "notifications", "auditTrail"} <= names


@pytest.mark.parametrize("call", FIELDS, ids=lambda call: call.split("(")[0])
@pytest.mark.parametrize("first", [0, 101])
async def test_a_bad_first_is_a_validation_error_naming_first(
    client: httpx.AsyncClient, db: Database, call: str, first: int
) -> None:
    await OrgFactory().department("D1").person("P1", "D1").load(db)  # the API serves people only
    body = await graphql(
        client,
        f"query ($first: Int!) {{ result: {call} {{ __typename }} }}",
        "P1",
        "hr",
        variables={"first": first},
    )

    assert body["data"] is None, body
    error = body["errors"][0]
    assert error["message"] == "first: must be between 1 and 100"
    assert error["extensions"] == {"code": "VALIDATION", "field": "first"}
