"""Each vocabulary is defined once (`graph.vocabulary`): the GraphQL enums offer exactly its
values, and the HRIS import accepts exactly them."""

from __future__ import annotations

from enum import StrEnum

import pytest
from graphql import GraphQLEnumType

from graph import vocabulary
from schema import schema
from schema.vocabulary import ENUMS
from seed.org_import import FILES


def _vocabularies() -> list[type[StrEnum]]:
    return [
        value
        for value in vars(vocabulary).values()
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
    ]


@pytest.mark.parametrize("domain", ENUMS, ids=lambda enum: enum.__name__)
def test_a_graphql_enum_offers_exactly_the_values_of_its_vocabulary(domain: type[StrEnum]) -> None:
    graphql_type = schema._schema.get_type(domain.__name__)
    assert isinstance(graphql_type, GraphQLEnumType)
    offered = {name: value.value for name, value in graphql_type.values.items()}
    assert offered == {member.name: member for member in domain}
    assert domain.__module__ == vocabulary.__name__


def test_every_graphql_enum_of_a_stored_value_comes_from_the_vocabulary() -> None:
    in_schema = {
        name
        for name, graphql_type in schema._schema.type_map.items()
        if isinstance(graphql_type, GraphQLEnumType) and not name.startswith("__")
    }
    names = {enum.__name__ for enum in _vocabularies()}
    assert {enum.__name__ for enum in ENUMS} == in_schema & names


@pytest.mark.parametrize(
    ("file", "column", "domain"),
    [
        ("gigs.csv", "type", vocabulary.GigType),
        ("gigs.csv", "status", vocabulary.GigStatus),
        ("gig_skills.csv", "importance", vocabulary.Importance),
        ("aspirations.csv", "visibility", vocabulary.Visibility),
        ("engagements.csv", "status", vocabulary.EngagementStatus),
    ],
)
def test_the_import_accepts_exactly_the_vocabulary(
    file: str, column: str, domain: type[StrEnum]
) -> None:
    parse = next(c.parse for c in FILES[file] if c.name == column)
    for member in domain:
        assert parse(member.value) == member
    with pytest.raises(ValueError, match="is not one of " + ", ".join(vocabulary.values(domain))):
        parse("something_else")
