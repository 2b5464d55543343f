"""Does the skill search find what people type? The in-memory matcher against the Lucene
full-text search it replaced, in the same run, on the generated organisation.

    python -m benchmarks.skill_search [--people 100000] [--runs 300]

On the shipped taxonomy, for 300 skills (not groups) drawn with a fixed seed: the label at rank 1
(`exact@1`), one of its aliases in the top 3 (`alias@3`), the label with one letter dropped in the
top 3 (`typo@3`); and `EVERYDAY`, queries people type (tool names, acronyms, plain words) with
the skills a hiring manager would accept for them, in the top 3. Then the p50 / p95 of
`skills(search:, first: 10)` through GraphQL (in-process `schema.execute`, real `Context`),
typeahead prefixes and whole labels, on the generated organisation (`--people`, default
100,000; 0: whatever the bench graph holds, the taxonomy imported if missing). Targets:
exact ≥ 0.98, aliases and typos ≥ 0.90, everyday ≥ 0.90, p95 under 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from benchmarks.common import bench_database, ensure_generated_org, fulltext_query, time_calls
from graph.database import Database
from graph.settings import ServiceSettings
from resolvers.context import Context
from resolvers.identity import Viewer
from resolvers.skills import search_skills
from schema import schema
from seed.pipeline import ensure_taxonomy
from seed.taxonomy import read_taxonomy

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


async def measure(people: int, runs: int) -> None:
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

        context = Context(
            db=db,
            viewer=Viewer("bench-hr", frozenset({"employee", "hr"})),
            settings=ServiceSettings(),
        )
        texts = [case.query for case in groups["exact@1"]]
        typed = [t[: max(3, len(t) // 3)] for t in texts]  # what a typeahead sends
        queries = [q for pair in zip(typed, texts, strict=True) for q in pair]

        async def api(i: int) -> None:
            result = await schema.execute(
                SEARCH, variable_values={"q": queries[i % len(queries)]}, context_value=context
            )
            if result.errors:
                raise RuntimeError(result.errors[0].message)

        async def old_cypher(i: int) -> None:
            query = fulltext_query(queries[i % len(queries)])
            await db.read("skills/search_skills_fulltext", query=query, skip=0, limit=11)

        now = await time_calls("skills(search:) GraphQL, matcher", api, runs)
        before = await time_calls("Lucene full-text Cypher (before)", old_cypher, runs)
        print(before.line())
        print(now.line(before))
        print(f"  target p95 < 20 ms: {'met' if now.p95 < 20 else 'NOT met'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)
    asyncio.run(measure(args.people, args.runs))


if __name__ == "__main__":
    main()
