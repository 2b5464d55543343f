"""Finds skills by what people type: the one ranking behind `skills(search:)`, `talentgraph skill`,
and every "did you mean" (import errors, a gig naming an unknown skill).

Names (labels and aliases) and queries are folded the same way: lower case, every character other
than a letter, a digit, `+` or `#` a space (so `call-centre`, `call centre` and `Call/Centre` are
one name, and `C#`, `C++` stay themselves). Nothing a user types is ever interpreted: no query
language, only words. A skill's match is the best of its names, in tiers:

1. `EXACT`: the query is the label (or an alias: `ALIAS`);
2. `PREFIX`: the query starts the label or an alias (typeahead: `pyth` → Python);
3. `WORDS`: every query word starts a word of the name (any order: `programming python`);
4. `STEM`: the same with each query word standing for the words that share its stem
   (`negotiation` → *negotiate price*);
5. `FUZZY`: with typos forgiven: a query word that no name word starts is replaced by the name
   words within a small edit distance (rapidfuzz `fuzz.ratio` ≥ 80);
6. `SOME_WORDS`: for a sentence (three words or more) that nothing above matched, the names
   all of whose words it holds (it mentions them).

Before matching, a query word that is a common workplace abbreviation (`ABBREVIATIONS`: UX, HR,
BI…) is also tried spelled out.

Within a tier: live skills before deprecated ones, skills before skill groups, names covering
more of themselves with the query first, then the skill more people hold, the shorter label, the
label, the id.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

_FOLD = re.compile(r"[^0-9a-z+#]+")
_INNER_SYMBOLS = re.compile(r"(?<![0-9a-z])[+#]+|[+#]+(?=[0-9a-z])")
MIN_WORD_SIMILARITY = 80
FUZZY_WORDS_PER_TYPO = 4
ABBREVIATIONS: Mapping[str, str] = {
    "ux": "user experience",
    "ui": "user interface",
    "hr": "human resources",
    "bi": "business intelligence",
    "ai": "artificial intelligence",
    "ml": "machine learning",
    "pr": "public relations",
    "qa": "quality assurance",
    "ci": "continuous integration",
    "erp": "enterprise resource planning",
    "kpi": "key performance indicators",
    "l&d": "learning and development",
    "p&l": "profit and loss",
    "ppc": "pay per click",
    "seo": "search engine optimisation",
}


def fold(text: str) -> str:
    """Lower case, and every run of characters other than letters and digits one space, except a
    `+` or `#` that ends a word (C++, C#)."""
    return " ".join(_INNER_SYMBOLS.sub(" ", _FOLD.sub(" ", text.lower())).split())


class Tier(IntEnum):
    EXACT = 0
    ALIAS = 1
    PREFIX = 2
    WORDS = 3
    STEM = 4
    FUZZY = 5
    SOME_WORDS = 6


@dataclass(frozen=True)
class SkillEntry:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    is_group: bool = False
    deprecated: bool = False


@dataclass(frozen=True)
class NameMatch:
    id: str
    label: str
    matched_name: str
    tier: Tier
    coverage: float
    """Share of the matched name the query covers (1 for an exact match)."""
    is_group: bool = False
    deprecated: bool = False


Names = npt.NDArray[np.int64]
_NO_NAMES: Names = np.zeros(0, dtype=np.int64)
_AFTER_EVERY_NAME = chr(0x10FFFF)
_TENTHS = 11  # coverage in tenths: 0..10
_FINE = (1 << 21) - 1  # coverage to one part in two million, to find a skill's best name


@dataclass(frozen=True)
class Ranked:
    """What a query matched, best first without holder counts: the first `limit` matches and,
    after them, those exactly as good as the last of them (only holder counts tell them apart),
    each with `buckets` (equal: equally good but for holders, and smaller: better)."""

    matches: list[NameMatch]
    buckets: list[int]
    total: int
    """How many skills matched in all."""


class SkillMatcher:
    """An in-memory index of skill names. Build it once per taxonomy version; searching is pure.

    Names live in arrays (numpy) so that a short query matching thousands of names (`r`, `man`)
    costs a few array operations: the names of each name word are laid out word by word in one
    array (`_word_names`, word `i` at `_word_offsets[i]:_word_offsets[i + 1]`), so the names of
    every word starting with a prefix are one slice, and so are the names starting with it in
    `_sorted_names`."""

    def __init__(self, skills: Iterable[SkillEntry]) -> None:
        self.skills: list[SkillEntry] = list(skills)
        texts: list[str] = []
        folded_names: list[str] = []
        name_skill: list[int] = []
        is_label: list[bool] = []
        by_word: dict[str, list[int]] = defaultdict(list)
        word_counts: list[int] = []
        for index, skill in enumerate(self.skills):
            seen: set[str] = set()
            for position, text in enumerate((skill.label, *skill.aliases)):
                folded = fold(text)
                if not folded or folded in seen:
                    continue
                seen.add(folded)
                name = len(texts)
                texts.append(text)
                folded_names.append(folded)
                name_skill.append(index)
                is_label.append(position == 0)
                words = set(folded.split())
                word_counts.append(len(words))
                for word in words:
                    by_word[word].append(name)
        self._texts = texts
        self._name_skill = np.array(name_skill, dtype=np.int64)
        self._name_length = np.array([max(len(f), 1) for f in folded_names], dtype=np.float64)
        self._name_is_label = np.array(is_label, dtype=bool)
        self._name_word_count = np.array(word_counts, dtype=np.int64)
        grouped: dict[str, list[int]] = defaultdict(list)
        for name, folded in enumerate(folded_names):
            grouped[folded].append(name)
        self._exact = {folded: np.array(names, dtype=np.int64) for folded, names in grouped.items()}
        order = sorted(range(len(folded_names)), key=lambda n: (folded_names[n], n))
        self._sorted = [folded_names[n] for n in order]
        self._sorted_names = np.array(order, dtype=np.int64)
        self._words = sorted(by_word)
        self._word_index = {word: i for i, word in enumerate(self._words)}
        self._word_offsets = np.cumsum([0] + [len(by_word[w]) for w in self._words])
        self._word_names = np.array(
            [name for word in self._words for name in sorted(by_word[word])], dtype=np.int64
        )
        self._skill_deprecated = np.array([s.deprecated for s in self.skills], dtype=np.int64)
        self._skill_group = np.array([s.is_group for s in self.skills], dtype=np.int64)
        by_label = sorted(
            range(len(self.skills)),
            key=lambda i: (len(self.skills[i].label), self.skills[i].label, self.skills[i].id),
        )
        self._skill_order = np.empty(len(self.skills), dtype=np.int64)
        self._skill_order[by_label] = np.arange(len(self.skills))

    @classmethod
    def build(cls, skills: Iterable[SkillEntry]) -> SkillMatcher:
        return cls(skills)

    # -- the tiers -------------------------------------------------------------------------
    def _word_range(self, prefix: str) -> tuple[int, int]:
        """The words starting with `prefix`: `_words[lo:hi]`."""
        lo = bisect.bisect_left(self._words, prefix)
        return lo, bisect.bisect_left(self._words, prefix + _AFTER_EVERY_NAME, lo)

    def _names_of(self, ranges: list[tuple[int, int]]) -> Names:
        """The names holding a word of `ranges` (duplicates possible)."""
        offsets = self._word_offsets
        slices = [self._word_names[offsets[lo] : offsets[hi]] for lo, hi in ranges if hi > lo]
        if not slices:
            return _NO_NAMES
        return slices[0] if len(slices) == 1 else np.concatenate(slices)

    def _size(self, ranges: list[tuple[int, int]]) -> int:
        return sum(int(self._word_offsets[hi] - self._word_offsets[lo]) for lo, hi in ranges)

    def _names_with(self, alternatives: list[list[tuple[int, int]]]) -> Names:
        """Names holding, for every query word, one of its alternative name words (word ranges).
        The names of the word with the fewest names are gathered; the other words only filter
        them."""
        if not alternatives:
            return _NO_NAMES
        sizes = [self._size(ranges) for ranges in alternatives]
        first = min(range(len(alternatives)), key=sizes.__getitem__)
        result = np.flatnonzero(self._holding(alternatives[first]))
        for position, ranges in enumerate(alternatives):
            if not result.size:
                break
            if position != first:
                result = result[self._holding(ranges)[result]]
        return result

    def _holding(self, ranges: list[tuple[int, int]]) -> npt.NDArray[np.bool_]:
        """For every name, whether it holds a word of `ranges`."""
        holds = np.zeros(len(self._texts), dtype=bool)
        holds[self._names_of(ranges)] = True
        return holds

    def _close_words(self, word: str) -> list[tuple[int, int]]:
        if len(word) < 3:
            return []
        found = process.extract(
            word,
            self._words,
            scorer=fuzz.ratio,
            limit=FUZZY_WORDS_PER_TYPO,
            score_cutoff=MIN_WORD_SIMILARITY,
        )
        return [(index, index + 1) for _, _, index in found]

    def _same_stem(self, word: str) -> list[tuple[int, int]]:
        """Name words sharing the query word's stem: its first `max(5, len - 4)` letters
        ('negotiation' finds 'negotiate', 'recruitment' 'recruit', 'budgeting' 'budget')."""
        if len(word) < 6:
            return []
        return [self._word_range(word[: max(5, len(word) - 4)])]

    def _skill_count(self, offered: list[tuple[Names, Tier]]) -> int:
        found = np.zeros(len(self.skills), dtype=bool)
        for names, _ in offered:
            found[self._name_skill[names]] = True
        return int(np.count_nonzero(found))

    def _offers(self, query: str, enough: int) -> list[tuple[Names, Tier]]:
        """The names `query` matches in each tier, in the order of the tiers."""
        words = query.split()
        offered: list[tuple[Names, Tier]] = []

        def offer(names: Names, tier: Tier) -> None:
            if names.size:
                offered.append((names, tier))

        offer(self._exact.get(query, _NO_NAMES), Tier.EXACT)
        lo = bisect.bisect_left(self._sorted, query)
        hi = bisect.bisect_left(self._sorted, query + _AFTER_EVERY_NAME, lo)
        offer(self._sorted_names[lo:hi], Tier.PREFIX)
        alternatives = [[self._word_range(word)] for word in words]
        found = [ranges for ranges in alternatives if ranges[0][1] > ranges[0][0]]
        if len(found) == len(words):
            offer(self._names_with(alternatives), Tier.WORDS)
        if self._skill_count(offered) < enough:
            fuzzy = [
                ranges if ranges[0][1] > ranges[0][0] else self._close_words(word)
                for word, ranges in zip(words, alternatives, strict=True)
            ]
            if all(fuzzy):
                offer(self._names_with(fuzzy), Tier.FUZZY)
        if self._skill_count(offered) < enough:
            stems = [
                self._same_stem(word) + ranges
                for word, ranges in zip(words, alternatives, strict=True)
            ]
            if all(self._size(ranges) for ranges in stems):
                offer(self._names_with(stems), Tier.STEM)
        if not offered and len(words) >= 3:
            held = [self._word_index[w] for w in set(words) if w in self._word_index]
            names, counts = np.unique(
                self._names_of([(i, i + 1) for i in held]), return_counts=True
            )
            offer(names[counts == self._name_word_count[names]], Tier.SOME_WORDS)
        return offered

    def ranked(self, text: str, limit: int, ties: int = 0) -> Ranked:
        """The skills `text` names, best first (the module's docstring says how): the first
        `limit`, then up to `ties` in all of those as good as the last of them but for holder
        counts."""
        query = fold(text)
        if not query:
            return Ranked([], [], 0)
        enough = max(limit, 20)
        spelled = fold(" ".join(ABBREVIATIONS.get(w, w) for w in text.lower().split()))
        parts = [(query, self._offers(query, enough))]
        if spelled != query:
            parts.append((spelled, self._offers(spelled, enough)))
        offers = [(names, tier, len(q)) for q, found in parts for names, tier in found]
        if not offers:
            return Ranked([], [], 0)
        names = np.concatenate([n for n, _, _ in offers])
        tiers = np.concatenate([np.full(n.size, t, dtype=np.int64) for n, t, _ in offers])
        tiers[(tiers == Tier.EXACT) & ~self._name_is_label[names]] = Tier.ALIAS
        coverage = np.minimum(
            1.0,
            np.concatenate([np.full(n.size, float(q)) for n, _, q in offers])
            / self._name_length[names],
        )
        skills = self._name_skill[names]
        # each skill's best name: the best tier, then the most covered, then the first offered
        best_first = (
            (skills << 24) | (tiers << 21) | np.rint((1 - coverage) * _FINE).astype(np.int64)
        )
        order = np.argsort(best_first, kind="stable")
        first = np.ones(order.size, dtype=bool)
        first[1:] = skills[order][1:] != skills[order][:-1]
        best = order[first]
        skills, tiers, coverage, names = skills[best], tiers[best], coverage[best], names[best]
        tenths = np.rint(coverage * 10).astype(np.int64)
        buckets = (
            (self._skill_deprecated[skills] * len(Tier) + tiers) * 2 + self._skill_group[skills]
        ) * _TENTHS + (10 - tenths)
        ranking = np.argsort(buckets * len(self.skills) + self._skill_order[skills])
        total = int(ranking.size)
        shown = min(limit, total)
        if shown and ties > shown:
            edge = buckets[ranking[shown - 1]]
            shown += int(np.count_nonzero(buckets[ranking[shown:ties]] == edge))
        kept = ranking[:shown]
        return Ranked(
            matches=[
                NameMatch(
                    id=self.skills[skill].id,
                    label=self.skills[skill].label,
                    matched_name=self._texts[name],
                    tier=Tier(tier),
                    coverage=float(cover),
                    is_group=self.skills[skill].is_group,
                    deprecated=self.skills[skill].deprecated,
                )
                for skill, name, tier, cover in zip(
                    skills[kept].tolist(),
                    names[kept].tolist(),
                    tiers[kept].tolist(),
                    coverage[kept].tolist(),
                    strict=True,
                )
            ],
            buckets=buckets[kept].tolist(),
            total=total,
        )

    def search(self, text: str, limit: int = 20) -> list[NameMatch]:
        """The skills `text` names, best first (see the module's docstring for the order)."""
        return self.ranked(text, limit).matches

    def did_you_mean(self, text: str, limit: int = 3) -> list[str]:
        """Labels to suggest for a name that matched nothing exactly."""
        return [match.label for match in self.search(text, limit)]


@dataclass(frozen=True)
class SkillName:
    id: str
    label: str
    names: tuple[str, ...]
    deprecated: bool = False


class SkillIndex:
    """Resolves what a person writes (an id, a label or an alias, any case) to one skill id."""

    def __init__(self, skills: Iterable[SkillName]) -> None:
        self.ids: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self._by_label: dict[str, list[str]] = defaultdict(list)
        self._by_alias: dict[str, list[str]] = defaultdict(list)
        self._deprecated: set[str] = set()
        self._names: dict[str, tuple[str, ...]] = {}
        self._matcher: SkillMatcher | None = None
        for skill in skills:
            self.add(skill)

    def add(self, skill: SkillName) -> None:
        self.ids[skill.id.lower()] = skill.id
        self.labels[skill.id] = skill.label
        self._names[skill.id] = skill.names
        self._matcher = None
        if skill.deprecated:
            self._deprecated.add(skill.id)
        label_key = skill.label.lower()
        if skill.id not in self._by_label[label_key]:
            self._by_label[label_key].append(skill.id)
        for name in skill.names:
            if name != label_key and skill.id not in self._by_alias[name]:
                self._by_alias[name].append(skill.id)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> SkillIndex:
        return cls(
            SkillName(
                id=str(row["id"]),
                label=str(row["label"]),
                names=tuple(str(name) for name in row["names"] or ()),  # type: ignore[attr-defined]
                deprecated=bool(row["deprecated"]),
            )
            for row in rows
        )

    def _prefer_live(self, ids: list[str]) -> list[str]:
        live = [skill_id for skill_id in ids if skill_id not in self._deprecated]
        return live or ids

    def resolve(self, value: str, *, suggest: bool = True) -> str:
        """The skill id `value` names; `LookupError` with a helpful message when it names none or
        several (with "did you mean" unless `suggest` is False: a caller reporting many unknown
        skills caps how many it searches for)."""
        key = value.strip().lower()
        if key in self.ids:
            return self.ids[key]
        for table in (self._by_label, self._by_alias):
            candidates = self._prefer_live(table.get(key, []))
            if len(candidates) == 1:
                return candidates[0]
            if candidates:
                labels = ", ".join(
                    f"{self.labels[c]!r} ({c})" for c in sorted(candidates, key=str)[:5]
                )
                raise LookupError(f"skill {value!r} is ambiguous: it names {labels}; use the id")
        hint = self.suggest(key) if suggest else ""
        raise LookupError(f"skill {value!r} matches no skill{hint}")

    def suggest(self, key: str) -> str:
        """'; did you mean …' with the skills the search would offer for `key` (same ranking as
        `skills(search:)`), or nothing."""
        if self._matcher is None:
            self._matcher = SkillMatcher.build(
                SkillEntry(
                    id=i, label=self.labels[i], aliases=names, deprecated=i in self._deprecated
                )
                for i, names in sorted(self._names.items())
            )
        close = self._matcher.did_you_mean(key)
        return "; did you mean " + ", ".join(map(repr, close)) if close else ""
