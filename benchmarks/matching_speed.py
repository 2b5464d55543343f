"""Matching speed on generated organisations of 10,000 and 100,000 people.

    python -m benchmarks.matching_speed [--people 10000 100000] [--runs 50]

For each size: p50 and p95 of matchCandidates, recommendGigs and peopleNearSkill without GraphQL
(`Database.read` of the .cypher file; for matchCandidates the resolver's queries and ranking,
`matching.ranked_candidates`) and through GraphQL (in process, the service's schema with a
real `Context`, nested fields included), and in the same run the same candidate score computed in
memory from a snapshot of the graph: with scipy sparse matrices (a lower bound: no I/O, no
traversal) and by a plain networkx traversal (what a team without a graph database would write).
The in-memory scorers are checked against the Cypher ranking before they are timed (the same
people and scores in the same order: the gig's department excludes its whole subtree, and equal
scores go to the higher levels held, `depth`, then by id, as in match_candidates.cypher).
Target (issue 12): matchCandidates p95 through GraphQL under 50 ms at 100,000 people.
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse

from benchmarks.common import (
    load_average,
    print_section,
    run_per_size,
    time_calls,
)
from benchmarks.in_process import SERVICE_SCHEMA, api_context
from graph.database import Database, Row
from resolvers import matching
from resolvers.records.matching import CandidateRow

WEIGHTS = matching.MatchWeights()
FIRST = 20

MATCH = """
query ($gig: ID!) {
  matchCandidates(gigId: $gig, first: 20) {
    person { id name title }
    score coverage
    reasons { skill { id label } how proficiency evidenced contribution }
    gaps { skill { id } missing }
  }
}
"""

RECOMMEND = """
query ($person: ID!) {
  recommendGigs(personId: $person, first: 20) {
    gig { id title } score growth reasons { how contribution }
  }
}
"""

NEAR = """
query ($skill: ID!) {
  peopleNearSkill(skill: $skill, maxHops: 2, first: 20) {
    person { id name } hops score path { id label }
  }
}
"""


@dataclass
class Snapshot:
    """What the in-memory scorers know: the graph read once, as Python data."""

    people: list[Row]
    person_skills: list[Row]
    aspirations: list[Row]
    links: list[Row]
    gigs: dict[str, Row] = field(default_factory=dict)

    @classmethod
    async def read(cls, db: Database, gig_ids: Sequence[str]) -> Snapshot:
        gigs = await db.read("matching/snapshot_gigs", ids=list(gig_ids))
        return cls(
            people=await db.read(
                "matching/snapshot_people", exposure_months=WEIGHTS.exposure_months
            ),
            person_skills=await db.read("matching/snapshot_person_skills"),
            aspirations=await db.read(
                "matching/snapshot_aspirations", visibilities=matching.CANDIDATE_VISIBILITIES
            ),
            links=await db.read("matching/snapshot_skill_links"),
            gigs={gig["id"]: gig for gig in gigs},
        )

    def adjacency(self) -> dict[str, dict[str, float]]:
        """skill -> adjacent skill -> link factor, as match_candidates.cypher builds it: every
        BROADER neighbour (link 1) and the RELATED_LIMIT strongest RELATED_TO neighbours."""
        broader: dict[str, set[str]] = defaultdict(set)
        related: dict[str, list[tuple[float, str]]] = defaultdict(list)
        for link in self.links:
            a, b = link["from_id"], link["to_id"]
            if link["kind"] == "BROADER":
                broader[a].add(b)
                broader[b].add(a)
            else:
                related[a].append((float(link["weight"]), b))
                related[b].append((float(link["weight"]), a))
        adjacent: dict[str, dict[str, float]] = defaultdict(dict)
        for skill in broader.keys() | related.keys():
            strongest = sorted(related[skill], key=lambda item: (-item[0], item[1]))
            links = [(1.0, other) for other in broader[skill]]
            links += strongest[: matching.RELATED_LIMIT]
            for weight, other in links:
                if other != skill:
                    factor = WEIGHTS.adjacent_weight * weight
                    adjacent[skill][other] = max(adjacent[skill].get(other, 0.0), factor)
        return adjacent


def importance_weight(importance: str) -> float:
    return {
        "required": 1.0,
        "nice_to_have": WEIGHTS.nice_to_have_weight,
    }.get(importance, WEIGHTS.learnable_weight)


def shares(gig: Row) -> list[tuple[Row, float, float]]:
    """Each requirement with its share of the score and its importance weight (the weight of
    the best level held in `depth`, the tie-break between equal scores)."""
    total = sum(importance_weight(r["importance"]) for r in gig["requirements"])
    return [
        (r, importance_weight(r["importance"]) / total, importance_weight(r["importance"]))
        for r in gig["requirements"]
    ]


def eligible(person: Row, gig: Row) -> bool:
    return bool(
        person["active"]
        and person["id"] != gig["owner_id"]
        and person["department_id"] not in gig["excluded_department_ids"]
        and gig["id"] not in person["active_gig_ids"]
        and person["remaining_hours"] >= gig["hours_per_week"]
    )


def exposure(person: Row) -> float:
    return 1.0 / (1.0 + WEIGHTS.exposure_damping * float(person["recent"]))


class SparseScorer:
    """The candidate score as sparse linear algebra over people x skills matrices."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.people = snapshot.people
        self.person_index = {p["id"]: i for i, p in enumerate(self.people)}
        skills = sorted(
            {row["skill_id"] for row in snapshot.person_skills}
            | {row["skill_id"] for row in snapshot.aspirations}
            | {link["from_id"] for link in snapshot.links}
            | {link["to_id"] for link in snapshot.links}
        )
        self.skill_index = {s: i for i, s in enumerate(skills)}
        shape = (len(self.people), len(skills))
        rows = [self.person_index[r["person_id"]] for r in snapshot.person_skills]
        cols = [self.skill_index[r["skill_id"]] for r in snapshot.person_skills]
        self.proficiency = sparse.csc_matrix(
            ([float(r["proficiency"]) for r in snapshot.person_skills], (rows, cols)), shape
        )
        self.evidence = sparse.csc_matrix(
            (
                [1.0 if r["evidenced"] else WEIGHTS.claimed_weight for r in snapshot.person_skills],
                (rows, cols),
            ),
            shape,
        )
        self.aspiration = sparse.csc_matrix(
            (
                [WEIGHTS.aspiration_weight * r["interest"] / 3.0 for r in snapshot.aspirations],
                (
                    [self.person_index[r["person_id"]] for r in snapshot.aspirations],
                    [self.skill_index[r["skill_id"]] for r in snapshot.aspirations],
                ),
            ),
            shape,
        )
        self.adjacent = snapshot.adjacency()
        self.exposure = np.array([exposure(p) for p in self.people])
        self.active = np.array([bool(p["active"]) for p in self.people])
        self.remaining = np.array([float(p["remaining_hours"]) for p in self.people])
        self.department = np.array([p["department_id"] or "" for p in self.people], dtype=object)
        self.id_order = np.argsort(np.argsort(np.array([p["id"] for p in self.people])))

    def top(self, gig: Row, first: int) -> list[tuple[str, float]]:
        score = np.zeros(len(self.people))
        depth = np.zeros(len(self.people))
        for requirement, share, weight in shares(gig):
            skill = requirement["skill_id"]
            ways = {skill: 1.0} | {
                other: factor
                for other, factor in self.adjacent.get(skill, {}).items()
                if other != skill
            }
            ways = {s: f for s, f in ways.items() if s in self.skill_index}
            best = np.zeros(len(self.people))
            columns = [self.skill_index[s] for s in ways]
            if columns:
                level = self.proficiency[:, columns]
                depth += weight * level.max(axis=1).toarray().ravel()
                level.data = np.minimum(1.0, level.data / requirement["min_level"])
                strength = level.multiply(self.evidence[:, columns]) @ sparse.diags(
                    list(ways.values())
                )
                best = strength.max(axis=1).toarray().ravel()
            if requirement["importance"] != "required" and skill in self.skill_index:
                wish = self.aspiration[:, self.skill_index[skill]].toarray().ravel()
                best = np.maximum(best, wish)
            score += share * best
        score = np.round(score * self.exposure, 9)
        mask = (self.active & (self.remaining >= gig["hours_per_week"]) & (score > 0)) & ~np.isin(
            self.department, gig["excluded_department_ids"]
        )
        owner = self.person_index.get(gig["owner_id"] or "")
        if owner is not None:
            mask[owner] = False
        candidates = np.flatnonzero(mask)
        ranked = candidates[
            np.lexsort((self.id_order[candidates], -depth[candidates], -score[candidates]))
        ]
        result = []
        for i in ranked:
            if gig["id"] in self.people[i]["active_gig_ids"]:
                continue
            result.append((self.people[i]["id"], float(score[i])))
            if len(result) == first:
                break
        return result


class NetworkxScorer:
    """The candidate score by walking a networkx graph, dict by dict."""

    def __init__(self, snapshot: Snapshot) -> None:
        graph: nx.MultiDiGraph[Any] = nx.MultiDiGraph()
        for person in snapshot.people:
            graph.add_node(("person", person["id"]), **person)
        for row in snapshot.person_skills:
            graph.add_edge(
                ("person", row["person_id"]),
                ("skill", row["skill_id"]),
                key="HAS_SKILL",
                proficiency=row["proficiency"],
                evidenced=row["evidenced"],
            )
        for row in snapshot.aspirations:
            graph.add_edge(
                ("person", row["person_id"]),
                ("skill", row["skill_id"]),
                key="ASPIRES_TO",
                interest=row["interest"],
            )
        for link in snapshot.links:
            graph.add_edge(
                ("skill", link["from_id"]),
                ("skill", link["to_id"]),
                key=link["kind"],
                weight=link["weight"],
            )
        self.graph = graph

    def ways(self, skill: tuple[str, str]) -> dict[tuple[str, str], float]:
        """The skill itself, its BROADER neighbours and its strongest RELATED_TO neighbours."""
        neighbours = [
            *((v, k, d) for _, v, k, d in self.graph.out_edges(skill, keys=True, data=True)),
            *((u, k, d) for u, _, k, d in self.graph.in_edges(skill, keys=True, data=True)),
        ]
        broader = [(1.0, other) for other, kind, _ in neighbours if kind == "BROADER"]
        related = sorted(
            (
                (float(data["weight"]), other)
                for other, kind, data in neighbours
                if kind == "RELATED_TO"
            ),
            key=lambda item: (-item[0], item[1][1]),
        )
        found = {skill: 1.0}
        for weight, other in broader + related[: matching.RELATED_LIMIT]:
            if other != skill:
                factor = WEIGHTS.adjacent_weight * weight
                found[other] = max(found.get(other, 0.0), factor)
        return found

    def top(self, gig: Row, first: int) -> list[tuple[str, float]]:
        scores: dict[str, float] = defaultdict(float)
        depths: dict[str, float] = defaultdict(float)
        for requirement, share, weight in shares(gig):
            skill = ("skill", requirement["skill_id"])
            if skill not in self.graph:
                continue
            best: dict[str, float] = {}
            levels: dict[str, int] = {}
            for via, factor in self.ways(skill).items():
                for holder, _, kind, data in self.graph.in_edges(via, keys=True, data=True):
                    if kind == "HAS_SKILL":
                        level = min(1.0, data["proficiency"] / requirement["min_level"])
                        evidence = 1.0 if data["evidenced"] else WEIGHTS.claimed_weight
                        strength = factor * evidence * level
                        levels[holder[1]] = max(levels.get(holder[1], 0), data["proficiency"])
                    elif kind == "ASPIRES_TO" and via == skill:
                        if requirement["importance"] == "required":
                            continue
                        strength = WEIGHTS.aspiration_weight * data["interest"] / 3.0
                    else:
                        continue
                    best[holder[1]] = max(best.get(holder[1], 0.0), strength)
            for person_id, strength in best.items():
                scores[person_id] += share * strength
                depths[person_id] += weight * levels.get(person_id, 0)
        ranked = (
            (person_id, round(score * exposure(person), 9), depths[person_id])
            for person_id, score in scores.items()
            if eligible(person := self.graph.nodes[("person", person_id)], gig)
        )
        top = heapq.nsmallest(first, ranked, key=lambda item: (-item[1], -item[2], item[0]))
        return [(person_id, score) for person_id, score, _ in top]


def agree(expected: list[CandidateRow], actual: list[tuple[str, float]]) -> bool:
    """The same people with the same scores, in the same order (scores to 9 decimals)."""
    ours = [(row["person"]["id"], round(float(row["score"]), 9)) for row in expected]
    return ours == [(person_id, round(score, 9)) for person_id, score in actual]


async def graphql(db: Database, query: str, variables: dict[str, object]) -> None:
    result = await SERVICE_SCHEMA.execute(
        query, variable_values=variables, context_value=api_context(db, "bench-hr", "hr")
    )
    if result.errors:
        raise RuntimeError(result.errors[0].message)


async def measure(db: Database, people: int, runs: int) -> None:
    subjects = (await db.read("matching/bench_subjects", count=runs))[0]
    gigs, persons, skills = subjects["gig_ids"], subjects["person_ids"], subjects["skill_ids"]
    print(f"  {len(gigs)} open gigs, {len(persons)} people, {len(skills)} skills asked about")
    params = matching.MatchOptions().params()

    async def cypher_match(i: int) -> list[CandidateRow]:
        return await matching.ranked_candidates(db, gigs[i % len(gigs)], FIRST)

    async def cypher_recommend(i: int) -> object:
        return await db.read(
            "matching/recommend_gigs",
            person_id=persons[i % len(persons)],
            first=FIRST,
            aspiration_visibilities=matching.OWN_VISIBILITIES,
            **params,
        )

    async def cypher_near(i: int) -> object:
        return await matching.nearest_people(db, skills[i % len(skills)], 2, FIRST)

    async def graphql_match(i: int) -> None:
        await graphql(db, MATCH, {"gig": gigs[i % len(gigs)]})

    async def graphql_recommend(i: int) -> None:
        await graphql(db, RECOMMEND, {"person": persons[i % len(persons)]})

    async def graphql_near(i: int) -> None:
        await graphql(db, NEAR, {"skill": skills[i % len(skills)]})

    began = time.perf_counter()
    snapshot = await Snapshot.read(db, gigs)
    read_s = time.perf_counter() - began
    began = time.perf_counter()
    scipy_scorer = SparseScorer(snapshot)
    scipy_build_s = time.perf_counter() - began
    began = time.perf_counter()
    nx_scorer = NetworkxScorer(snapshot)
    nx_build_s = time.perf_counter() - began
    gig_rows = snapshot.gigs
    del snapshot  # the scorers keep what they need
    print(
        f"  in memory: snapshot read {read_s:.1f} s, scipy matrices {scipy_build_s:.1f} s, "
        f"networkx graph {nx_build_s:.1f} s"
    )
    checked = [(await cypher_match(i), gigs[i % len(gigs)]) for i in range(min(len(gigs), 10))]
    for name, scorer in (("scipy", scipy_scorer), ("networkx", nx_scorer)):
        same = sum(agree(rows, scorer.top(gig_rows[gig], FIRST)) for rows, gig in checked)
        print(f"  {name} ranking agrees with Cypher on {same}/{len(checked)} gigs")

    same_near = 0
    for skill in skills[:10]:
        # Without the availability filter nobody is dropped after the pool: one run is exact.
        one_run = await db.read(
            "matching/people_near_skill",
            skill_id=skill,
            max_hops=2,
            first=FIRST,
            pool=matching.POOL_PER_RESULT * FIRST,
            department_id=None,
            location=None,
            available_only=False,
            direct_first=True,
            hop_decay=matching.HOP_DECAY,
            claimed_weight=WEIGHTS.claimed_weight,
        )
        hop_by_hop = await matching.nearest_people(db, skill, 2, FIRST)
        same_near += [(r["person"]["id"], r["score"]) for r in one_run] == [
            (r["person"]["id"], r["score"]) for r in hop_by_hop
        ]
    print(f"  peopleNearSkill hop by hop agrees with one run to 2 hops on {same_near}/10 skills")

    async def scipy_match(i: int) -> object:
        return scipy_scorer.top(gig_rows[gigs[i % len(gigs)]], FIRST)

    async def networkx_match(i: int) -> object:
        return nx_scorer.top(gig_rows[gigs[i % len(gigs)]], FIRST)

    scipy_timing = await time_calls("matchCandidates  scipy sparse (in memory)", scipy_match, runs)
    print_section(
        "matchCandidates",
        [
            await time_calls("matchCandidates  Cypher", cypher_match, runs),
            await time_calls("matchCandidates  GraphQL", graphql_match, runs),
            scipy_timing,
            await time_calls("matchCandidates  networkx (in memory)", networkx_match, runs),
        ],
        scipy_timing,
    )
    print_section(
        "recommendGigs",
        [
            await time_calls("recommendGigs    Cypher", cypher_recommend, runs),
            await time_calls("recommendGigs    GraphQL", graphql_recommend, runs),
        ],
    )
    print_section(
        "peopleNearSkill (maxHops 2)",
        [
            await time_calls("peopleNearSkill  Cypher", cypher_near, runs),
            await time_calls("peopleNearSkill  GraphQL", graphql_near, runs),
        ],
    )
    print(f"  {load_average()}")


if __name__ == "__main__":
    run_per_size(__doc__, measure)
