"""Would a hiring manager accept the links matching and `peopleNearSkill` use? Old rule against
new, in the same run, on a committed set of judged skill pairs.

    python -m benchmarks.adjacency_quality [--esco DIR] [--to-judge FILE --count N]

The links *used* are, for every skill the demo organisation's occupations hold as essential
(what its people hold and its gigs require), the ways matching meets it adjacently: its 5
strongest `RELATED_TO` neighbours and its `BROADER` neighbours that count, i.e. the hop-1 links
of `peopleNearSkill` too.

* old rule: `RELATED_TO` is the cosine of occupation co-occurrence (each skill's 8 strongest
  neighbours sharing at least 3 occupations), every `BROADER` neighbour that is a skill counts;
* new rule: the shipped `RELATED_TO` (`seed.adjacency`), and the `BROADER` steps marked
  `adjacent` (`seed.adjacency.counts_as_adjacent`).

`benchmarks/data/adjacency_judgements.csv` holds pairs drawn at random from both sets of links
(without saying which) and judged one by one as a hiring manager would: would I accept proven B
as evidence for A? `reject` (no), `partial` (some), `transferable` (clearly). The benchmark prints,
for each rule, the share of its used links judged each way, estimated on the judged pairs it
uses (and how many of its links were judged). `--to-judge` writes pairs not judged yet.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from pathlib import Path

from seed.org import TaxonomyData
from seed.taxonomy import DEFAULT_ESCO_SOURCE, read_taxonomy

JUDGEMENTS = Path(__file__).parent / "data" / "adjacency_judgements.csv"
RELATED_LIMIT = 5  # match_candidates.cypher's $related_limit
VERDICTS = ("reject", "partial", "transferable")
Pair = tuple[str, str]


def cooccurrence_cosine(profiles: Iterable[Sequence[str]]) -> dict[Pair, float]:
    """The old rule: each skill's 8 strongest neighbours by the cosine of their occupation sets,
    sharing at least 3 occupations."""
    occurrences: Counter[str] = Counter()
    shared: Counter[Pair] = Counter()
    for profile in profiles:
        skills = sorted(set(profile))
        occurrences.update(skills)
        shared.update(combinations(skills, 2))
    neighbours: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (a, b), count in shared.items():
        if count >= 3:
            weight = count / math.sqrt(occurrences[a] * occurrences[b])
            neighbours[a].append((weight, b))
            neighbours[b].append((weight, a))
    pairs: dict[Pair, float] = {}
    for skill, candidates in neighbours.items():
        for weight, other in heapq.nlargest(8, candidates):
            pairs[(min(skill, other), max(skill, other))] = round(min(weight, 1.0), 3)
    return pairs


def _esco_profiles(esco: Path) -> list[list[str]]:
    profiles: dict[str, list[str]] = defaultdict(list)
    with (esco / "occupation_skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            profiles[row["occupation_id"]].append(row["skill_id"])
    return [profiles[key] for key in sorted(profiles)]


def used_links(
    related: Mapping[Pair, float],
    broader: Iterable[Pair],
    counts: set[str],
    query: Iterable[str],
) -> set[Pair]:
    """(asked skill, skill accepted as evidence) for each skill of `query`: its `RELATED_LIMIT`
    strongest related skills and its BROADER neighbours in `counts`."""
    neighbours: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (a, b), weight in related.items():
        neighbours[a].append((weight, b))
        neighbours[b].append((weight, a))
    hierarchy: dict[str, set[str]] = defaultdict(set)
    for a, b in broader:
        hierarchy[a].add(b)
        hierarchy[b].add(a)
    used: set[Pair] = set()
    for skill in query:
        best = sorted(neighbours[skill], key=lambda link: (-link[0], link[1]))[:RELATED_LIMIT]
        used.update((skill, other) for _, other in best)
        used.update((skill, other) for other in hierarchy[skill] if other in counts)
    return used


def rules(taxonomy: TaxonomyData, esco: Path) -> dict[str, set[Pair]]:
    skills = {s.id: s for s in taxonomy.skills}
    query = sorted({skill for o in taxonomy.occupations for skill in o.essential})
    esco_skills = {i for i, s in skills.items() if not s.is_group and s.type != "technology"}
    every_step = [(b.skill_id, b.broader_id) for b in taxonomy.broader]
    old = used_links(cooccurrence_cosine(_esco_profiles(esco)), every_step, esco_skills, query)
    new_related = {(r.skill_id, r.related_id): r.weight for r in taxonomy.related}
    counted = [(b.skill_id, b.broader_id) for b in taxonomy.broader if b.adjacent]
    new = used_links(new_related, counted, set(skills), query)
    return {"old rule (co-occurrence cosine, every BROADER step)": old, "new rule": new}


def read_judgements(path: Path = JUDGEMENTS) -> dict[Pair, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["skill_id"], row["evidence_id"]): row["verdict"] for row in csv.DictReader(handle)
        }


def write_to_judge(
    links: Mapping[str, set[Pair]],
    judged: Mapping[Pair, str],
    count: int,
    labels: Mapping[str, str],
    out: Path,
) -> None:
    rng = random.Random(11)
    pending: set[Pair] = set()
    for used in links.values():
        fresh = sorted(pair for pair in used if pair not in judged)
        pending.update(rng.sample(fresh, min(count, len(fresh))))
    rows = sorted(pending)
    rng.shuffle(rows)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["skill_id", "evidence_id", "skill", "evidence", "verdict"])
        writer.writerows([a, b, labels[a], labels[b], ""] for a, b in rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=DEFAULT_ESCO_SOURCE)
    parser.add_argument("--to-judge", type=Path)
    parser.add_argument("--count", type=int, default=150)
    args = parser.parse_args(argv)
    taxonomy = read_taxonomy()
    links = rules(taxonomy, args.esco)
    judged = read_judgements() if JUDGEMENTS.is_file() else {}
    if args.to_judge:
        labels = {s.id: s.label for s in taxonomy.skills}
        write_to_judge(links, judged, args.count, labels, args.to_judge)
        return
    print(f"{len(judged)} judged pairs ({dict(Counter(judged.values()))})")
    print(
        f"{'rule':<52} {'links used':>10} {'judged':>7} {'reject':>7} {'partial':>8} {'transf.':>8}"
    )
    for name, used in links.items():
        verdicts = Counter(judged[pair] for pair in used if pair in judged)
        total = sum(verdicts.values())
        shares = [verdicts[v] / total if total else 0.0 for v in VERDICTS]
        print(
            f"{name:<52} {len(used):>10,} {total:>7} {shares[0]:>7.3f} {shares[1]:>8.3f} "
            f"{shares[2]:>8.3f}"
        )


if __name__ == "__main__":
    main()
