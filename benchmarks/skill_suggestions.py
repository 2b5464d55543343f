"""Do suggestions from text find the skills a job needs? `suggestSkills`' ranking against a plain
full-text search of the same text, in the same run, on ESCO's own occupations.

    python -m benchmarks.skill_suggestions [--esco DIR] [--occupations 300]
                                           [--baseline-checkout DIR]

For occupations drawn with fixed seeds from ESCO (`occupations.csv`): the text is the
occupation's description and alternative labels, the truth its essential skills
(`occupation_skills.csv`). Two splits: `test` (seed 5, the figures to quote: no parameter was
chosen on it) and `dev` (seed 99, other occupations, on which the suggester's parameters were
chosen). Printed: precision@5 (share of the first five suggestions that are essential skills)
and recall@10 (share of the essential skills among the first ten), for the suggester
(`seed.skill_suggestions`, what the API runs), with `--baseline-checkout` for that checkout's
suggester too (the code before a change), and for the Lucene full-text index over skill names
queried with every word of the text (OR), on the bench Neo4j's taxonomy, same run.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import importlib.util
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from benchmarks.common import bench_database, load_average
from seed.pipeline import ensure_taxonomy
from seed.skill_matcher import SkillEntry, fold
from seed.skill_suggestions import STOP_WORDS, SkillSuggester
from seed.taxonomy import DEFAULT_ESCO_SOURCE, read_taxonomy

SEED = 5
DEV_SEED = 99
FULL_TEXT = "plain full-text (baseline)"
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def occupations(esco: Path) -> list[tuple[str, set[str]]]:
    """Every ESCO occupation with essential skills: its text and those skills, in id order."""
    essential: dict[str, set[str]] = defaultdict(set)
    with (esco / "occupation_skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["relation_type"] == "essential":
                essential[row["occupation_id"]].add(row["skill_id"])
    with (esco / "occupations.csv").open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: row["id"])
    return [
        (
            f"{row['label']}. {row['description']} {row['alt_labels'].replace('|', '. ')}",
            essential[row["id"]],
        )
        for row in rows
        if essential[row["id"]]
    ]


def splits(esco: Path, count: int) -> dict[str, list[tuple[str, set[str]]]]:
    """`test`: `count` occupations drawn with `SEED`, never looked at to choose a parameter;
    `dev`: `count` others drawn with `DEV_SEED`, on which the suggester's were chosen."""
    every = occupations(esco)
    test = random.Random(SEED).sample(every, min(count, len(every)))
    chosen = {text for text, _ in test}
    rest = [case for case in every if case[0] not in chosen]
    return {"test": test, "dev": random.Random(DEV_SEED).sample(rest, min(count, len(rest)))}


def or_query(text: str) -> str:
    words = [w for w in fold(text).split() if w not in STOP_WORDS and len(w) > 2]
    return " OR ".join(_LUCENE_SPECIAL.sub(r"\\\1", w) for w in dict.fromkeys(words))


def scores(ranked: list[str], truth: set[str]) -> tuple[float, float]:
    return (
        len(set(ranked[:5]) & truth) / 5,
        len(set(ranked[:10]) & truth) / len(truth),
    )


class Suggests(Protocol):
    def suggest(self, text: str, limit: int = 10) -> Sequence[Suggested]: ...


class Suggested(Protocol):
    @property
    def id(self) -> str: ...


def suggester_of(checkout: str, entries: list[SkillEntry]) -> Suggests:
    """The suggester of another checkout (the code before a change), built from `entries`."""
    spec = importlib.util.spec_from_file_location(
        "suggestions_before", Path(checkout) / "seed" / "skill_suggestions.py"
    )
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no seed/skill_suggestions.py in {checkout}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    built: Suggests = module.SkillSuggester.build(entries)
    return built


async def measure(esco: Path, count: int, baseline: str | None) -> None:
    taxonomy = read_taxonomy()
    entries = [
        SkillEntry(s.id, s.label, s.aliases, s.is_group, description=s.description)
        for s in taxonomy.skills
    ]
    related = [(r.skill_id, r.related_id, r.weight) for r in taxonomy.related]
    suggesters: dict[str, Suggests] = {
        "suggestSkills (now)": SkillSuggester.build(entries, related)
    }
    if baseline:
        suggesters["suggestSkills (before)"] = suggester_of(baseline, entries)
    cases = splits(esco, count)
    results: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    timings: dict[str, list[float]] = defaultdict(list)
    async with bench_database() as db:
        await ensure_taxonomy(db)
        for split, found in cases.items():
            for text, truth in found:
                for name, suggester in suggesters.items():
                    began = time.perf_counter()
                    ours = [s.id for s in suggester.suggest(text, 10)]
                    timings[name].append((time.perf_counter() - began) * 1000)
                    results[name, split].append(scores(ours, truth))
                began = time.perf_counter()
                query = or_query(text)
                rows = (
                    await db.read("skills/search_skills_fulltext", query=query, skip=0, limit=10)
                    if query
                    else []
                )
                timings[FULL_TEXT].append((time.perf_counter() - began) * 1000)
                results[FULL_TEXT, split].append(
                    scores([row["skill"]["id"] for row in rows], truth)
                )
    sizes = ", ".join(f"{split} {len(found)}" for split, found in cases.items())
    print(f"Suggestions for ESCO occupations ({sizes}; description + alternative labels in,")
    print(f"essential skills as the truth); {load_average()}")
    print(f"{'ranker':<30} {'split':<6} {'precision@5':>12} {'recall@10':>10}")
    for split in cases:
        for name in [*suggesters, FULL_TEXT]:
            values = results[name, split]
            precision = statistics.mean(v[0] for v in values)
            recall = statistics.mean(v[1] for v in values)
            print(f"{name:<30} {split:<6} {precision:>12.3f} {recall:>10.3f}")
    for name, samples in timings.items():
        print(f"  {name}: p50 {statistics.median(samples):.1f} ms per text")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=DEFAULT_ESCO_SOURCE)
    parser.add_argument("--occupations", type=int, default=300)
    parser.add_argument(
        "--baseline-checkout",
        help="also rank with the suggester of this checkout (the code before a change)",
    )
    args = parser.parse_args(argv)
    asyncio.run(measure(args.esco, args.occupations, args.baseline_checkout))


if __name__ == "__main__":
    main()
