"""The GraphQL schema, assembled from one module per domain."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from schema.people import PeopleQuery
from schema.skills import SkillsQuery

Query = merge_types("Query", (PeopleQuery, SkillsQuery))

schema = strawberry.Schema(query=Query)
