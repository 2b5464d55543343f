"""Does the skill search find what people type? The in-memory matcher against the Lucene
full-text search it replaced, in the same run, on the generated organisation.

    python -m benchmarks.skill_search [--people 100000] [--runs 600] [--baseline-checkout DIR]

On the shipped taxonomy, for 300 skills (not groups) drawn with a fixed seed: the label at rank 1
(`exact@1`), one of its aliases in the top 3 (`alias@3`), the label with one letter dropped in the
top 3 (`typo@3`); and `EVERYDAY`, queries people type (tool names, acronyms, plain words) with
the skills a hiring manager would accept for them, in the top 3. Then the p50 / p95 of
`skills(search:, first: 10)` through the API: HTTP requests, one at a time as a typeahead sends
them, to a `talentgraph serve` of this checkout (production mode, 1 worker, the benchmarks'
Neo4j), typeahead prefixes and whole labels, on the generated organisation (`--people`, default
100,000; 0: whatever the bench graph holds, the taxonomy imported if missing), next to the
Lucene full-text query it replaced (the two in turns, call by call) and, with
`--baseline-checkout`, right after, `--baseline-runs` of the same requests to a server of that
checkout's code. Targets: exact ≥ 0.98, aliases and typos
≥ 0.90, everyday ≥ 0.90, p95 under 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import timedelta

import httpx

from benchmarks.common import (
    SECRET,
    bench_connection,
    bench_database,
    ensure_generated_org,
    fulltext_query,
    load_average,
    time_calls,
    time_interleaved,
)
from graph.database import Database
from resolvers.identity import issue_token
from resolvers.skills import search_skills
from seed.pipeline import ensure_taxonomy
from seed.taxonomy import read_taxonomy
from service.processes import serving

SAMPLE = 300
SEED = 11
TOP = 3

# query -> labels a hiring manager would accept among the first three
EVERYDAY: dict[str, tuple[str, ...]] = {
    "Excel": ("Microsoft Excel",),
    "Tableau": ("Tableau",),
    "Power BI": ("Microsoft Power BI",),
    "Salesforce": ("Salesforce software",),
    "Jira": ("Atlassian JIRA",),
    "Kubernetes": ("Kubernetes",),
    "SAP": ("SAP software", "SAP R3"),
    "Python": ("Python (computer programming)",),
    "SQL": ("SQL",),
    "GDPR": ("GDPR",),
    "UX design": (
        "create prototype of user experience solutions",
        "combine business technology with user experience",
        "software interaction design",
        "design user interface",
    ),
    "negotiation": (
        "negotiate price",
        "negotiate compromises",
        "negotiating",
        "negotiating and managing contracts and agreements",
        "conclude business agreements",
    ),
    "recruitment": ("recruit employees", "recruit personnel", "recruiting and hiring"),
    "budgeting": ("manage budgets", "Budgeting software", "examine budgets"),
    "data analytics": ("data analytics",),
    "project management": ("project management", "perform project management"),
    "Google Analytics": ("Google Analytics",),
    "Photoshop": ("Adobe Photoshop",),
    "Git": ("tools for software configuration management", "GitHub"),
    "Docker": ("Docker",),
    "JavaScript": ("JavaScript",),
    "Java": ("Java (computer programming)",),
    "C#": ("C#",),
    "C++": ("C++",),
    "machine learning": ("machine learning", "utilise machine learning"),
    "customer service": ("customer service",),
    "accounting": ("accounting",),
    "bookkeeping": ("accounting", "bookkeeping regulations"),
    "payroll": ("manage payroll", "Payroll software"),
    "public relations": ("public relations", "perform public relations"),
    "copywriting": ("perform copywriting",),
    "social media": ("social media management", "Social media software"),
    "SEO": ("search engine optimisation", "conduct search engine optimisation"),
    "agile": (
        "Agile project management",
        "Agile development",
        "ICT project management methodologies",
    ),
    "scrum": ("ICT project management methodologies",),
    "Figma": ("Figma",),
    "Slack": ("Slack",),
    "Workday": ("Workday software",),
    "HubSpot": ("HubSpot software",),
    "financial forecasting": ("financial forecasting",),
    "coaching": ("coach employees", "coaching techniques", "coach clients"),
    "time management": ("manage time",),
    "usability testing": ("measure software usability", "Usability testing software"),
}


@dataclass(frozen=True)
class Case:
    query: str
    accepted: frozenset[str]


def cases(seed: int = SEED) -> dict[str, list[Case]]:
    """The exact, alias and typo cases for `SAMPLE` skills drawn with `seed`."""
    taxonomy = read_taxonomy()
    skills = sorted((s for s in taxonomy.skills if not s.is_group), key=lambda s: s.id)
    rng = random.Random(seed)
    drawn = rng.sample(skills, SAMPLE)
    exact = [Case(s.label, frozenset({s.id})) for s in drawn]
    alias = [Case(rng.choice(s.aliases), frozenset({s.id})) for s in drawn if s.aliases]
    typo = []
    for s in drawn:
        positions = [i for i, c in enumerate(s.label) if c.isalpha()]
        if len(positions) >= 5:
            i = rng.choice(positions[1:])
            typo.append(Case(s.label[:i] + s.label[i + 1 :], frozenset({s.id})))
    by_label: dict[str, set[str]] = {}
    for s in taxonomy.skills:
        by_label.setdefault(s.label, set()).add(s.id)
    everyday = [
        Case(query, frozenset(i for label in labels for i in by_label.get(label, set())))
        for query, labels in EVERYDAY.items()
    ]
    return {"exact@1": exact, "alias@3": alias, "typo@3": typo, "everyday@3": everyday}


Searcher = Callable[[str], Awaitable[list[str]]]


async def hit_rate(search: Searcher, found: Sequence[Case], top: int) -> float:
    hits = 0
    for case in found:
        if set((await search(case.query))[:top]) & case.accepted:
            hits += 1
    return hits / len(found)


def searchers(db: Database) -> dict[str, Searcher]:
    async def old(text: str) -> list[str]:
        query = fulltext_query(text)
        if not query:
            return []
        rows = await db.read("skills/search_skills_fulltext", query=query, skip=0, limit=TOP)
        return [row["skill"]["id"] for row in rows]

    async def new(text: str) -> list[str]:
        return [row["id"] for row in (await search_skills(db, text, TOP))[0]]

    return {"Lucene full-text (before)": old, "in-memory matcher (now)": new}


SEARCH = """query ($q: String!) { skills(search: $q, first: 10) {
              edges { node { id label matchedName } } } }"""


async def measure(people: int, runs: int, baseline: str | None, baseline_runs: int) -> None:
    async with bench_database() as db:
        if people:
            await ensure_generated_org(db, people)
        else:
            await ensure_taxonomy(db)
        groups = cases()
        print(f"Skill search on the shipped taxonomy, {people:,} people in the graph")
        print(f"{'search':<28}" + "".join(f"{name:>13}" for name in groups))
        for label, search in searchers(db).items():
            rates = [
                await hit_rate(search, found, 1 if name == "exact@1" else TOP)
                for name, found in groups.items()
            ]
            print(f"{label:<28}" + "".join(f"{rate:>13.3f}" for rate in rates))
        print("  cases: " + ", ".join(f"{name} {len(found)}" for name, found in groups.items()))

        texts = [case.query for case in groups["exact@1"]]
        typed = [t[: max(3, len(t) // 3)] for t in texts]  # what a typeahead sends
        queries = [q for pair in zip(typed, texts, strict=True) for q in pair]
        [first_page] = await db.read("people/people_page", after="", limit=1, department_id=None,
                                     skill_id=None, min_proficiency=1, location=None, active=True,
                                     with_department=False, with_manager=False, with_skills=False,
                                     with_aspirations=False, with_total=False)  # fmt: skip
        viewer = first_page["page"][0]
        token = issue_token(viewer["id"], ["hr"], SECRET, timedelta(hours=2))

        async def old_cypher(i: int) -> None:
            query = fulltext_query(queries[i % len(queries)])
            await db.read("skills/search_skills_fulltext", query=query, skip=0, limit=11)

        async with AsyncExitStack() as stack:

            async def served(checkout: str | None) -> Callable[[int], Awaitable[object]]:
                service = stack.enter_context(
                    serving(
                        bench_connection(),
                        settings={
                            "TALENTGRAPH_SECRET": SECRET,
                            "TALENTGRAPH_MODE": "production",
                            # one typing person sends far fewer; the benchmark sends them all
                            "TALENTGRAPH_RATE_LIMIT_PER_MINUTE": str(100 * runs),
                            "TALENTGRAPH_RATE_LIMIT_BURST": str(runs),
                        },
                        pythonpath=checkout,
                    )
                )
                await service.wait_ready()
                headers = {"Authorization": f"Bearer {token}"}
                http = httpx.AsyncClient(base_url=service.url, timeout=60, headers=headers)
                return api_call(await stack.enter_async_context(http), queries)

            lucene, now = await time_interleaved(
                {
                    "Lucene full-text Cypher (before)": old_cypher,
                    "skills(search:) over HTTP, this checkout": await served(None),
                },
                runs,
            )
            print(f"Search latency, {runs} calls each, in turns; {load_average()}")
            print(lucene.line())
            print(now.line(lucene))
            if baseline:
                before = await time_calls(
                    "skills(search:) over HTTP, before", await served(baseline), baseline_runs
                )
                print(f"{baseline_runs} calls right after; {load_average()}")
                print(before.line(lucene))
        print(f"  target p95 < 20 ms: {'met' if now.p95 < 20 else 'NOT met'}")


def api_call(http: httpx.AsyncClient, queries: list[str]) -> Callable[[int], Awaitable[object]]:
    """One `skills(search:)` request of the typeahead's queries, checked."""

    async def call(i: int) -> None:
        response = await http.post(
            "/graphql", json={"query": SEARCH, "variables": {"q": queries[i % len(queries)]}}
        )
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise RuntimeError(f"unexpected response {response.text[:500]}")

    return call


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=600)
    parser.add_argument(
        "--baseline-checkout",
        help="also serve the code of this checkout (the code before a change), in the same run",
    )
    parser.add_argument("--baseline-runs", type=int, default=100)
    args = parser.parse_args(argv)
    asyncio.run(measure(args.people, args.runs, args.baseline_checkout, args.baseline_runs))


if __name__ == "__main__":
    main()
