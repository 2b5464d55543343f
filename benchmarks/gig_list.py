"""Gig list speed: `gigs(filter:)` and `searchGigs` on generated organisations of 10,000 and
100,000 people.

    python -m benchmarks.gig_list [--people 10000 100000] [--runs 50]

For each size, p50 and p95 of four lists through GraphQL (in process, the service's schema with a
real `Context`, as in `matching_speed`) next to the same data as one hand-written Cypher query
through the driver (`gigs/bench_list_*`), the two taking turns call by call: the web app's
"My gigs" screen (its query as web/src/screens/MyGigs.tsx sends it: the owner's gigs of five
statuses, first 100, totalCount, the gig cards with department and owner, the owner asking),
and open gigs that require a skill, of a department (sub-departments included) and of a type
(first 20, totalCount, the same cards, an employee asking); and the "Find gigs" screen's
`searchGigs` (its query as web/src/screens/FindGigs.tsx sends it: first 24, totalCount, the cards,
the top-level departments for its menu, an employee asking; open gigs by default, newest first
without words) before a word is typed, with a word typed (the first word of an open gig's title,
best match first) and with a skill picked (`gigs/bench_search_*`). Before they are timed, GraphQL
and Cypher are checked to give the same gigs and count for the first subjects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from benchmarks.common import (
    load_average,
    print_section,
    run_per_size,
    time_interleaved,
)
from benchmarks.in_process import SERVICE_SCHEMA, api_context
from graph.database import Database
from graph.vocabulary import GigType
from resolvers.gigs import gig_text_query

CARD = """
fragment GigCardFields on Gig {
  id title type status hoursPerWeek durationWeeks startDate seats location remote
  applicationDeadline department { name } owner { name }
}
"""

MY_GIGS = (
    """
query MyGigs($ownerId: ID!) {
  gigs(filter: { ownerId: $ownerId, statuses: [DRAFT, OPEN, FILLED, IN_PROGRESS, COMPLETED] },
       first: 100) {
    totalCount
    edges { node { id status ...GigCardFields } }
  }
}
"""
    + CARD
)

OPEN_GIGS = (
    """
query OpenGigs($filter: GigsFilter!) {
  gigs(filter: $filter, first: 20) {
    totalCount
    edges { node { id ...GigCardFields } }
  }
}
"""
    + CARD
)

FIND_GIGS = (
    """
query FindGigs($search: GigSearchInput!, $after: String) {
  searchGigs(search: $search, first: 24, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id ...GigCardFields } }
  }
  departments(maxDepth: 0) { id name }
}
"""
    + CARD
)
FIND_NOTHING = dict.fromkeys(
    ("text", "types", "departmentId", "skillId", "remote", "location", "maxHours", "maxWeeks")
)
"""What the screen sends for the filters left alone."""

MY_STATUSES = ["draft", "open", "filled", "in_progress", "completed"]
FIRST = 20
FIND_FIRST = 24
MY_FIRST = 100
EMPLOYEE = "bench-employee"


@dataclass(frozen=True)
class Screen:
    """One list: its Cypher baseline and GraphQL operation (`field`: the list it reads, as
    `name(argument:)`), asked about subject `i`."""

    title: str
    field: str
    cypher: str
    cypher_params: Callable[[str], dict[str, object]]
    query: str
    variables: Callable[[str], dict[str, object]]
    viewer: Callable[[str], str]
    subjects: list[str]


async def graphql(db: Database, screen: Screen, subject: str) -> tuple[int, list[str]]:
    result = await SERVICE_SCHEMA.execute(
        screen.query,
        variable_values=screen.variables(subject),
        context_value=api_context(db, screen.viewer(subject)),
    )
    if result.errors or result.data is None:
        raise RuntimeError(result.errors[0].message if result.errors else "no data")
    gigs: dict[str, Any] = result.data[screen.field.split("(")[0]]
    return gigs["totalCount"], [edge["node"]["id"] for edge in gigs["edges"]]


async def cypher(db: Database, screen: Screen, subject: str) -> tuple[int, list[str]]:
    row = (await db.read(screen.cypher, **screen.cypher_params(subject)))[0]
    return row["total"], [gig["id"] for gig in row["page"]]


def screens(subjects: dict[str, list[str]]) -> list[Screen]:
    types = [t.value for t in GigType]

    def open_gigs(**filter: object) -> dict[str, object]:
        return {"filter": {"statuses": ["OPEN"], **filter}}

    def find_gigs(**search: object) -> dict[str, object]:
        return {"search": FIND_NOTHING | {"order": "RELEVANCE"} | search, "after": None}

    return [
        Screen(
            "My gigs (owner, 5 statuses, first 100)",
            "gigs(filter:)",
            "gigs/bench_list_of_owner",
            lambda owner: {"owner_id": owner, "statuses": MY_STATUSES, "first": MY_FIRST},
            MY_GIGS,
            lambda owner: {"ownerId": owner},
            lambda owner: owner,
            subjects["owner_ids"],
        ),
        Screen(
            "open gigs requiring a skill",
            "gigs(filter:)",
            "gigs/bench_list_needing_skill",
            lambda skill: {"skill_id": skill, "first": FIRST},
            OPEN_GIGS,
            lambda skill: open_gigs(skillId=skill),
            lambda _: EMPLOYEE,
            subjects["skill_ids"],
        ),
        Screen(
            "open gigs of a department (and below)",
            "gigs(filter:)",
            "gigs/bench_list_of_department",
            lambda department: {"department_id": department, "first": FIRST},
            OPEN_GIGS,
            lambda department: open_gigs(departmentId=department),
            lambda _: EMPLOYEE,
            subjects["department_ids"],
        ),
        Screen(
            "open gigs of a type",
            "gigs(filter:)",
            "gigs/bench_list_of_type",
            lambda type: {"type": type, "first": FIRST},
            OPEN_GIGS,
            lambda type: open_gigs(type=GigType(type).name),
            lambda _: EMPLOYEE,
            types,
        ),
        Screen(
            "Find gigs, no words (open gigs, newest first)",
            "searchGigs(search:)",
            "gigs/bench_search_open",
            lambda _: {"today": date.today(), "first": FIND_FIRST},
            FIND_GIGS,
            lambda _: find_gigs(),
            lambda _: EMPLOYEE,
            ["every open gig"],
        ),
        Screen(
            "Find gigs, a word typed (best match first)",
            "searchGigs(search:)",
            "gigs/bench_search_words",
            lambda word: {
                "query": gig_text_query(word),
                "today": date.today(),
                "first": FIND_FIRST,
            },
            FIND_GIGS,
            lambda word: find_gigs(text=word),
            lambda _: EMPLOYEE,
            subjects["words"],
        ),
        Screen(
            "Find gigs, a skill picked (newest first)",
            "searchGigs(search:)",
            "gigs/bench_search_needing_skill",
            lambda skill: {"skill_id": skill, "today": date.today(), "first": FIND_FIRST},
            FIND_GIGS,
            lambda skill: find_gigs(skillId=skill),
            lambda _: EMPLOYEE,
            subjects["skill_ids"],
        ),
    ]


async def measure(db: Database, people: int, runs: int) -> None:
    subjects = (await db.read("gigs/bench_list_subjects", count=runs))[0]
    print(
        f"  {len(subjects['owner_ids'])} owners, {len(subjects['skill_ids'])} skills, "
        f"{len(subjects['department_ids'])} departments, {len(subjects['words'])} words asked about"
    )
    for screen in screens(subjects):
        checked = screen.subjects[:10]
        same = [await cypher(db, screen, s) == await graphql(db, screen, s) for s in checked]
        print(f"  {screen.title}: GraphQL and Cypher agree on {sum(same)}/{len(checked)}")

        async def by_cypher(i: int, screen: Screen = screen) -> object:
            return await cypher(db, screen, screen.subjects[i % len(screen.subjects)])

        async def by_graphql(i: int, screen: Screen = screen) -> object:
            return await graphql(db, screen, screen.subjects[i % len(screen.subjects)])

        timings = await time_interleaved(
            {"Cypher, one hand-written query": by_cypher, f"GraphQL {screen.field}": by_graphql},
            runs,
        )
        print_section(screen.title, timings, baseline=timings[0])
    print(f"  {load_average()}")


if __name__ == "__main__":
    run_per_size(__doc__, measure)
