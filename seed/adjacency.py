"""Skill adjacency a hiring manager accepts: `RELATED_TO` means "proven B is real partial evidence
for A". Derive-time only (scikit-learn, the `derive` extra); the README's "Skill adjacency"
section states the rule.

Signals, each recorded in the link's `sources`:

* `esco`: ESCO's curated skill-skill relations (`skill_relations.csv`);
* `text`: TF-IDF cosine of the two skills' label, alternative labels and description;
* `sibling`: both sit in the same leaf skill group;
* `cooccurrence`: occupation profiles hold both far more often than chance (lift at least
  `MIN_LIFT` over at least `MIN_SHARED_OCCUPATIONS` occupations): support only, never alone.

A pair is linked when ESCO relates it, when its text similarity is at least `TEXT_ALONE`, or when
it is at least `TEXT_WITH_SUPPORT` with a sibling or co-occurrence signal besides. Generic skills
(ESCO reuse level `transversal`, or in at least `GENERIC_SHARE` of all occupation profiles: *manage
staff*, *advise others*, *follow company standards*) get no links at all: holding one is never
evidence for a specialist skill. The weight is the text similarity, raised by each other signal
(`esco` +0.4, `sibling` +0.15, `cooccurrence` +0.15), capped at 1, rounded to 3 decimals; each
skill keeps its `NEIGHBOURS_PER_SKILL` strongest links.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from seed.org import BroaderRow, RelatedRow, SkillRow

NEIGHBOURS_PER_SKILL = 8
TEXT_CANDIDATES = 25
TEXT_ALONE = 0.5
TEXT_WITH_SUPPORT = 0.3
TEXT_WITH_ESCO = 0.1
MIN_SHARED_OCCUPATIONS = 3
MIN_LIFT = 3.0
GENERIC_SHARE = 0.025
MIN_GENERIC_OCCUPATIONS = 20  # however few profiles there are, a handful makes nothing generic
UMBRELLA_NARROWER = 40
BONUS = {"esco": 0.4, "sibling": 0.15, "cooccurrence": 0.15}


@dataclass(frozen=True)
class AdjacencyInput:
    skills: Sequence[SkillRow]
    """The skills to relate (no groups, no tools)."""
    leaf_groups: Mapping[str, Sequence[str]]
    """skill id -> the skill groups it sits in directly."""
    curated: Iterable[tuple[str, str]]
    """ESCO's skill-skill relations."""
    profiles: Sequence[Sequence[str]]
    """Every occupation's skills (essential and optional)."""


def generic_skills(
    skills: Sequence[SkillRow],
    reuse_levels: Mapping[str, str],
    profiles: Sequence[Sequence[str]],
    broader: Iterable[BroaderRow],
) -> set[str]:
    """Transversal skills (ESCO's reuse level), those in at least `GENERIC_SHARE` of the
    occupation profiles (*follow company standards*: 86 of 3,007), and umbrellas over at least
    `UMBRELLA_NARROWER` narrower skills (*maintain equipment*)."""
    counts = Counter(skill for profile in profiles for skill in set(profile))
    limit = max(GENERIC_SHARE * len(profiles), MIN_GENERIC_OCCUPATIONS)
    ids = {s.id for s in skills}
    narrower = Counter(b.broader_id for b in broader if b.skill_id in ids and b.broader_id in ids)
    return {
        s.id
        for s in skills
        if reuse_levels.get(s.id) == "transversal"
        or counts[s.id] >= limit
        or narrower[s.id] >= UMBRELLA_NARROWER
    }


def _counts(skill: SkillRow) -> bool:
    if skill.is_group or skill.generic:
        return False
    return skill.type != "technology" or skill.hot_technology


def counts_as_adjacent(
    narrower: SkillRow, broader: SkillRow, top_groups: Mapping[str, str]
) -> bool:
    """Whether a `BROADER` step is evidence (either way): never through a skill group, a generic
    skill, or a tool O*NET does not flag as a hot technology (its commodity says what kind of
    software it is, not that it does the parent skill's job); and between two ESCO skills only
    inside one top-level skill group (*product comprehension* → *dairy products* changes field)."""
    if not (_counts(narrower) and _counts(broader)):
        return False
    tops = (top_groups.get(narrower.id), top_groups.get(broader.id))
    return None in tops or tops[0] == tops[1]


def _text_neighbours(skills: Sequence[SkillRow]) -> dict[tuple[str, str], float]:
    """For each skill, its `TEXT_CANDIDATES` most similar skills by TF-IDF cosine (pairs stored
    lower id first)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join((s.label, s.label, *s.aliases, s.description)) for s in skills]
    if len(docs) < 2:
        return {}
    vectors = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=2 if len(docs) > 50 else 1
    ).fit_transform(docs)
    pairs: dict[tuple[str, str], float] = {}
    ids = [s.id for s in skills]
    for start in range(0, len(ids), 1000):
        block = (vectors[start : start + 1000] @ vectors.T).toarray()
        for offset, row in enumerate(block):
            i = start + offset
            row[i] = 0.0
            best = np.argsort(-row, kind="stable")[:TEXT_CANDIDATES]
            for j in best:
                if row[j] > 0:
                    key = (ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i])
                    pairs[key] = round(float(row[j]), 4)
    return pairs


def _lift(
    profiles: Sequence[Sequence[str]], wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], float]:
    """Lift (observed / expected co-occurrence) of the wanted pairs seen in at least
    `MIN_SHARED_OCCUPATIONS` profiles."""
    occurrences: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for profile in profiles:
        skills = sorted(set(profile))
        occurrences.update(skills)
        shared.update(pair for pair in combinations(skills, 2) if pair in wanted)
    total = len(profiles)
    return {
        pair: count * total / (occurrences[pair[0]] * occurrences[pair[1]])
        for pair, count in shared.items()
        if count >= MIN_SHARED_OCCUPATIONS
    }


def related_skills(data: AdjacencyInput, generic: set[str]) -> list[RelatedRow]:
    """The accepted links, strongest `NEIGHBOURS_PER_SKILL` per skill, each pair once."""
    specific = [s for s in data.skills if s.id not in generic]
    known = {s.id for s in specific}
    text = _text_neighbours(specific)
    curated = {
        (min(a, b), max(a, b)) for a, b in data.curated if a in known and b in known and a != b
    }
    candidates = set(text) | curated
    lift = _lift(data.profiles, candidates)
    groups = {skill: set(ids) for skill, ids in data.leaf_groups.items()}
    scored: dict[tuple[str, str], tuple[float, tuple[str, ...]]] = {}
    for pair in sorted(candidates):
        a, b = pair
        similarity = text.get(pair, 0.0)
        signals = []
        if pair in curated:
            signals.append("esco")
        if groups.get(a, set()) & groups.get(b, set()):
            signals.append("sibling")
        if lift.get(pair, 0.0) >= MIN_LIFT:
            signals.append("cooccurrence")
        supported = any(s in signals for s in ("sibling", "cooccurrence"))
        accepted = (
            ("esco" in signals and similarity >= TEXT_WITH_ESCO)
            or similarity >= TEXT_ALONE
            or (similarity >= TEXT_WITH_SUPPORT and supported)
        )
        if not accepted:
            continue
        if similarity > 0:
            signals.insert(0 if "esco" not in signals else 1, "text")
        weight = similarity + sum(BONUS.get(signal, 0.0) for signal in signals)
        scored[pair] = (round(min(weight, 1.0), 3), tuple(signals))
    neighbours: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (a, b), (weight, _) in scored.items():
        neighbours[a].append((weight, b))
        neighbours[b].append((weight, a))
    kept: set[tuple[str, str]] = set()
    for skill, links in neighbours.items():
        for _, other in sorted(links, key=lambda link: (-link[0], link[1]))[:NEIGHBOURS_PER_SKILL]:
            kept.add((min(skill, other), max(skill, other)))
    return [RelatedRow(a, b, scored[(a, b)][0], scored[(a, b)][1]) for a, b in sorted(kept)]
