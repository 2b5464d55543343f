"""Do suggestions from text find the skills a job needs? `suggestSkills`' ranking against a plain
full-text search of the same text, in the same run, on ESCO's own occupations.

    python -m benchmarks.skill_suggestions [--esco DIR] [--occupations 300]

For occupations drawn with a fixed seed from ESCO (`occupations.csv`): the text is the
occupation's description and alternative labels, the truth its essential skills
(`occupation_skills.csv`). Printed: precision@5 (share of the first five suggestions that are
essential skills) and recall@10 (share of the essential skills among the first ten), for the
suggester (`seed.skill_suggestions`, what the API runs) and for the Lucene full-text index over
skill names queried with every word of the text (OR), on the bench Neo4j's taxonomy.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import random
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.common import bench_database
from seed.pipeline import ensure_taxonomy
from seed.skill_matcher import SkillEntry, fold
from seed.skill_suggestions import STOP_WORDS, SkillSuggester
from seed.taxonomy import DEFAULT_ESCO_SOURCE, read_taxonomy

SEED = 5
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def occupations(esco: Path, count: int) -> list[tuple[str, set[str]]]:
    essential: dict[str, set[str]] = defaultdict(set)
    with (esco / "occupation_skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["relation_type"] == "essential":
                essential[row["occupation_id"]].add(row["skill_id"])
    with (esco / "occupations.csv").open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: row["id"])
    texts = [
        (
            f"{row['label']}. {row['description']} {row['alt_labels'].replace('|', '. ')}",
            essential[row["id"]],
        )
        for row in rows
        if essential[row["id"]]
    ]
    return random.Random(SEED).sample(texts, min(count, len(texts)))


def or_query(text: str) -> str:
    words = [w for w in fold(text).split() if w not in STOP_WORDS and len(w) > 2]
    return " OR ".join(_LUCENE_SPECIAL.sub(r"\\\1", w) for w in dict.fromkeys(words))


def scores(ranked: list[str], truth: set[str]) -> tuple[float, float]:
    return (
        len(set(ranked[:5]) & truth) / 5,
        len(set(ranked[:10]) & truth) / len(truth),
    )


async def measure(esco: Path, count: int) -> None:
    taxonomy = read_taxonomy()
    suggester = SkillSuggester.build(
        SkillEntry(s.id, s.label, s.aliases, s.is_group) for s in taxonomy.skills
    )
    cases = occupations(esco, count)
    results: dict[str, list[tuple[float, float]]] = defaultdict(list)
    timings: dict[str, list[float]] = defaultdict(list)
    async with bench_database() as db:
        await ensure_taxonomy(db)
        for text, truth in cases:
            began = time.perf_counter()
            ours = [s.id for s in suggester.suggest(text, 10)]
            timings["suggester"].append((time.perf_counter() - began) * 1000)
            results["suggestSkills (suggester)"].append(scores(ours, truth))
            began = time.perf_counter()
            query = or_query(text)
            rows = (
                await db.read("skills/search_skills_fulltext", query=query, skip=0, limit=10)
                if query
                else []
            )
            timings["full-text"].append((time.perf_counter() - began) * 1000)
            results["plain full-text (baseline)"].append(
                scores([row["skill"]["id"] for row in rows], truth)
            )
    print(f"Suggestions for {len(cases)} ESCO occupations (description + alternative labels in,")
    print("essential skills as the truth)")
    print(f"{'ranker':<30} {'precision@5':>12} {'recall@10':>10}")
    for name, values in results.items():
        precision = statistics.mean(v[0] for v in values)
        recall = statistics.mean(v[1] for v in values)
        print(f"{name:<30} {precision:>12.3f} {recall:>10.3f}")
    for name, samples in timings.items():
        print(f"  {name}: p50 {statistics.median(samples):.1f} ms per text")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=DEFAULT_ESCO_SOURCE)
    parser.add_argument("--occupations", type=int, default=300)
    args = parser.parse_args(argv)
    asyncio.run(measure(args.esco, args.occupations))


if __name__ == "__main__":
    main()
