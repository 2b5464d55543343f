"""Matching quality on an organisation with planted answers, next to a keyword-overlap baseline.

    python -m benchmarks.matching_quality [--background 2500] [--seed 7]

The organisation is generated here so that the right answer to every gig is known:

- a taxonomy of families (root skill, mid-level skills, leaf skills under each: BROADER
  leaf -> mid -> root; RELATED_TO between neighbouring mids);
- gigs that require three mid-level skills of a family (level 3) and list a fourth as learnable
  (two gigs per family, on disjoint skills, so people planted for one gig are not unlabelled
  answers to another);
- for each gig, planted people: 3 DIRECT (hold the three skills at 4-5; relevance 3),
  3 ADJACENT (hold a leaf under each required skill at 4-5, validated; relevance 2),
  2 ASPIRANTS (one required skill at 3 and an aspiration to the learnable one; relevance 1), and
  decoys of relevance 0: 2 KEYWORD decoys (list all four skills, at level 1), 2 BUSY experts
  (no gig capacity left) and 1 expert who LEFT (inactive);
- "stars" (1% of the people): every mid skill of three families at level 5, validated, and three
  gigs finished in the last three months, so without a fairness rule they top every gig of their
  family (relevance 3: they can do the work);
- background people with 3-6 random skills at levels 1-2, self-claimed (relevance 0).

Both rankers rank active people; the keyword baseline (the "search bar") ranks by how many of
the gig's skill names a person lists, ties by id, and knows nothing of levels or capacity.
Reported: NDCG@10 (graded relevance) and precision@5 (relevance >= 2: can do the work now) of
matchCandidates with and without the exposure rule and of the baseline, and the share of top-5
slots taken by the 1% of people who take the most slots without the rule.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from benchmarks.common import bench_database
from benchmarks.in_process import api_context
from graph.database import Database
from graph.vocabulary import (
    EngagementStatus,
    GigStatus,
    Importance,
    SkillSource,
    Visibility,
)
from resolvers import matching
from seed.loader import load_org, load_taxonomy
from seed.org import (
    AspirationRow,
    BroaderRow,
    DepartmentRow,
    EngagementRow,
    GigRow,
    GigSkillRow,
    OrgData,
    PersonRow,
    PersonSkillRow,
    RelatedRow,
    SkillRow,
    TaxonomyData,
)

FAMILIES = 24
MIDS = 8
LEAVES = 3
GIGS_PER_FAMILY = 2
"""Each gig of a family takes 4 of its 8 mid skills, disjoint from the other gig's."""
DEPARTMENTS = 10
STAR_FAMILIES = 3
"""A star holds every mid skill of this many families."""
RELEVANT = 2
"""precision@5 counts people of at least this relevance."""


def mid(family: int, number: int) -> str:
    return f"F{family:02d}-M{number}"


def leaf(skill_id: str, number: int) -> str:
    return f"{skill_id}-L{number}"


@dataclass
class PlantedOrg:
    taxonomy: TaxonomyData = field(default_factory=TaxonomyData)
    org: OrgData = field(default_factory=OrgData)
    relevance: dict[str, dict[str, int]] = field(default_factory=dict)
    """gig id -> person id -> relevance (absent: 0)."""
    gig_skills: dict[str, list[str]] = field(default_factory=dict)


class Planter:
    def __init__(self, seed: int, background: int) -> None:
        self.rng = random.Random(seed)
        self.background = background
        self.out = PlantedOrg()
        self.now = datetime.now(UTC)
        self.people = 0

    def taxonomy(self) -> None:
        tax = self.out.taxonomy
        for family in range(FAMILIES):
            root = f"F{family:02d}"
            tax.skills.append(SkillRow(root, f"Family {family}"))
            for number in range(MIDS):
                skill = mid(family, number)
                tax.skills.append(SkillRow(skill, f"Skill {family}.{number}"))
                tax.broader.append(BroaderRow(skill, root))
                tax.related.append(RelatedRow(skill, mid(family, (number + 1) % MIDS), 0.7))
                for child in range(LEAVES):
                    tax.skills.append(
                        SkillRow(leaf(skill, child), f"Tool {family}.{number}.{child}")
                    )
                    tax.broader.append(BroaderRow(leaf(skill, child), skill))

    def person(self, kind: str, department: int) -> str:
        self.people += 1
        person_id = f"{kind}-{self.people:05d}"
        row = PersonRow(
            id=person_id,
            name=f"{kind.title()} {self.people}",
            email=f"{person_id.lower()}@example.org",
            department_id=f"D{department}",
        )
        self.out.org.people.append(row)
        return person_id

    def holds(self, person_id: str, skill_id: str, level: int, validated: bool) -> None:
        self.out.org.person_skills.append(
            PersonSkillRow(
                person_id,
                skill_id,
                level,
                validated,
                SkillSource.MANAGER if validated else SkillSource.SELF,
            )
        )

    def other_department(self, department: int) -> int:
        return (department + self.rng.randrange(1, DEPARTMENTS)) % DEPARTMENTS

    def gigs(self) -> None:
        org = self.out.org
        history_owner = self.person("OWNER", 0)
        org.gigs.append(
            GigRow("HISTORY", "Past work", history_owner, "D0", status=GigStatus.COMPLETED)
        )
        for family in range(FAMILIES):
            order = self.rng.sample(range(MIDS), MIDS)
            for number in range(GIGS_PER_FAMILY):
                gig_id = f"G-{family:02d}-{number}"
                department = self.rng.randrange(DEPARTMENTS)
                owner = self.person("OWNER", department)
                org.gigs.append(GigRow(gig_id, f"Gig {gig_id}", owner, f"D{department}"))
                chosen = order[4 * number : 4 * number + 4]
                required = [mid(family, n) for n in chosen[:3]]
                learnable = mid(family, chosen[3])
                org.gig_skills += [
                    GigSkillRow(gig_id, skill, 3, Importance.REQUIRED) for skill in required
                ]
                org.gig_skills.append(GigSkillRow(gig_id, learnable, 2, Importance.LEARNABLE))
                self.out.gig_skills[gig_id] = [*required, learnable]
                self.out.relevance[gig_id] = self.plant(department, required, learnable)

    def plant(self, department: int, required: list[str], learnable: str) -> dict[str, int]:
        relevance: dict[str, int] = {}
        org = self.out.org
        for number in range(3):
            person = self.person("DIRECT", self.other_department(department))
            for skill in required:
                self.holds(person, skill, self.rng.randint(4, 5), validated=number < 2)
            relevance[person] = 3
        for _ in range(3):
            person = self.person("ADJACENT", self.other_department(department))
            for skill in required:
                self.holds(person, leaf(skill, self.rng.randrange(LEAVES)), 5, validated=True)
            relevance[person] = 2
        for _ in range(2):
            person = self.person("ASPIRANT", self.other_department(department))
            self.holds(person, self.rng.choice(required), 3, validated=False)
            org.aspirations.append(AspirationRow(person, learnable, 3, Visibility.MATCHING))
            relevance[person] = 1
        for _ in range(2):
            person = self.person("KEYWORD", self.other_department(department))
            for skill in [*required, learnable]:
                self.holds(person, skill, 1, validated=False)
        for _ in range(2):
            person = self.person("BUSY", self.other_department(department))
            for skill in required:
                self.holds(person, skill, 5, validated=True)
            org.engagements.append(
                EngagementRow(
                    f"E-{person}", "HISTORY", person, EngagementStatus.ACTIVE, hours_per_week=8.0
                )
            )
        person = self.person("LEFT", self.other_department(department))
        for skill in required:
            self.holds(person, skill, 5, validated=True)
        return relevance

    def stars(self, count: int) -> list[str]:
        stars = []
        for _ in range(count):
            families = self.rng.sample(range(FAMILIES), STAR_FAMILIES)
            person = self.person("STAR", self.rng.randrange(DEPARTMENTS))
            for family in families:
                for number in range(MIDS):
                    self.holds(person, mid(family, number), 5, validated=True)
            for number in range(3):
                finished = self.now - timedelta(days=20 + 25 * number)
                self.out.org.engagements.append(
                    EngagementRow(
                        f"E-{person}-{number}",
                        "HISTORY",
                        person,
                        EngagementStatus.COMPLETED,
                        started_at=finished - timedelta(weeks=4),
                        completed_at=finished,
                    )
                )
            for gig_id in self.out.gig_skills:
                if any(gig_id.startswith(f"G-{family:02d}-") for family in families):
                    self.out.relevance[gig_id][person] = 3
            stars.append(person)
        return stars

    def background_people(self) -> None:
        all_skills = [skill.id for skill in self.out.taxonomy.skills]
        for _ in range(self.background):
            person = self.person("BG", self.rng.randrange(DEPARTMENTS))
            for skill in self.rng.sample(all_skills, self.rng.randint(3, 6)):
                self.holds(person, skill, self.rng.randint(1, 2), validated=False)

    def run(self) -> tuple[PlantedOrg, list[str]]:
        self.out.org.departments = [
            DepartmentRow(f"D{n}", f"Department {n}") for n in range(DEPARTMENTS)
        ]
        self.taxonomy()
        self.gigs()
        self.background_people()
        stars = self.stars(max(1, round(self.people / 99)))  # 1% of everyone, stars included
        return self.out, stars


def ndcg_at(ranked: Sequence[str], relevance: dict[str, int], k: int) -> float:
    def dcg(grades: Sequence[int]) -> float:
        return sum(
            (2.0**grade - 1.0) / math.log2(rank + 2) for rank, grade in enumerate(grades[:k])
        )

    ideal = dcg(sorted(relevance.values(), reverse=True))
    return dcg([relevance.get(person, 0) for person in ranked]) / ideal if ideal else 0.0


def precision_at(ranked: Sequence[str], relevance: dict[str, int], k: int) -> float:
    return sum(relevance.get(person, 0) >= RELEVANT for person in ranked[:k]) / k


def keyword_ranking(planted: PlantedOrg, gig_id: str, inactive: set[str]) -> list[str]:
    """The search bar: people ranked by how many of the gig's skill names they list."""
    wanted = set(planted.gig_skills[gig_id])
    listed: Counter[str] = Counter(
        row.person_id
        for row in planted.org.person_skills
        if row.skill_id in wanted and row.person_id not in inactive
    )
    return [person for person, _ in sorted(listed.items(), key=lambda item: (-item[1], item[0]))]


@dataclass
class Scores:
    label: str
    ndcg: float
    precision: float
    top5: Counter[str]


def evaluate(
    rank_all: dict[str, list[str]], label: str, relevance: dict[str, dict[str, int]]
) -> Scores:
    ndcg = [ndcg_at(ranked, relevance[gig], 10) for gig, ranked in rank_all.items()]
    precision = [precision_at(ranked, relevance[gig], 5) for gig, ranked in rank_all.items()]
    top5 = Counter(person for ranked in rank_all.values() for person in ranked[:5])
    return Scores(label, sum(ndcg) / len(ndcg), sum(precision) / len(precision), top5)


async def match_rankings(
    db: Database, gigs: Sequence[str], weights: matching.MatchWeights
) -> dict[str, list[str]]:
    ctx = api_context(db, "HR", "hr")
    options = matching.MatchOptions(weights=weights)
    rankings = {}
    for gig in gigs:
        rows = await matching.match_candidates(ctx, gig, 10, options)
        rankings[gig] = [row["person"]["id"] for row in rows]
    return rankings


def share_of_slots(top5: Counter[str], people: set[str]) -> float:
    return sum(count for person, count in top5.items() if person in people) / sum(top5.values())


async def main(background: int, seed: int) -> None:
    planted, stars = Planter(seed, background).run()
    people = len(planted.org.people)
    left = {row.id for row in planted.org.people if row.id.startswith("LEFT")}
    async with bench_database() as db:
        await db.write_in_batches("admin/clear_graph")
        await load_taxonomy(db, planted.taxonomy)
        await load_org(db, planted.org)
        remaining = [row for row in planted.org.people if row.id not in left]
        await load_org(
            db,
            OrgData(departments=planted.org.departments, people=remaining),
            full_people_export=True,
        )
        gigs = sorted(planted.gig_skills)
        with_rule = await match_rankings(db, gigs, matching.MatchWeights())
        without_rule = await match_rankings(db, gigs, matching.MatchWeights(exposure_damping=0.0))
    keyword = {gig: keyword_ranking(planted, gig, left) for gig in gigs}
    results = [
        evaluate(with_rule, "matchCandidates (exposure rule on)", planted.relevance),
        evaluate(without_rule, "matchCandidates (exposure rule off)", planted.relevance),
        evaluate(keyword, "keyword overlap (search bar)", planted.relevance),
    ]
    top_count = max(1, round(0.01 * people))
    most_exposed = {person for person, _ in results[1].top5.most_common(top_count)}
    print(f"organisation: {people} people, {len(gigs)} gigs, {len(stars)} stars, seed {seed}")
    print(f"{'ranker':<40} {'NDCG@10':>8} {'P@5':>6} {'top-1% share of top-5 slots':>29}")
    for result in results:
        share = share_of_slots(result.top5, most_exposed)
        print(f"{result.label:<40} {result.ndcg:8.3f} {result.precision:6.3f} {share:29.1%}")
    print(
        f"top 1% = the {top_count} people with most top-5 slots without the rule "
        f"({len(most_exposed & set(stars))} of them planted stars)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.background, arguments.seed))
