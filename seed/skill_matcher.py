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
from dataclasses import dataclass, field
from enum import IntEnum
from itertools import islice

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


@dataclass
class _Name:
    skill: int
    text: str
    folded: str
    words: tuple[str, ...]
    is_label: bool


@dataclass
class SkillMatcher:
    """An in-memory index of skill names. Build it once per taxonomy version; `search` is pure."""

    skills: list[SkillEntry] = field(default_factory=list)
    _names: list[_Name] = field(default_factory=list)
    _exact: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _sorted: list[tuple[str, int]] = field(default_factory=list)
    _by_word: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    _words: list[str] = field(default_factory=list)
    # per name, for the hot loop of `_matches`: its skill, its folded length, its word set
    _name_skill: list[int] = field(default_factory=list)
    _name_length: list[int] = field(default_factory=list)
    _name_words: list[frozenset[str]] = field(default_factory=list)

    @classmethod
    def build(cls, skills: Iterable[SkillEntry]) -> SkillMatcher:
        matcher = cls()
        for skill in skills:
            matcher._add(skill)
        matcher._sorted.sort()
        matcher._words = sorted(matcher._by_word)
        return matcher

    def _add(self, skill: SkillEntry) -> None:
        index = len(self.skills)
        self.skills.append(skill)
        seen: set[str] = set()
        for position, text in enumerate((skill.label, *skill.aliases)):
            folded = fold(text)
            if not folded or folded in seen:
                continue
            seen.add(folded)
            name = len(self._names)
            self._names.append(_Name(index, text, folded, tuple(folded.split()), position == 0))
            self._name_skill.append(index)
            self._name_length.append(max(len(folded), 1))
            self._name_words.append(frozenset(folded.split()))
            self._exact[folded].append(name)
            self._sorted.append((folded, name))
            for word in set(folded.split()):
                self._by_word[word].add(name)

    # -- the tiers -------------------------------------------------------------------------
    def _prefixed(self, query: str, limit: int) -> list[int]:
        start = bisect.bisect_left(self._sorted, (query, -1))
        found: list[int] = []
        for folded, name in islice(self._sorted, start, None):
            if not folded.startswith(query) or len(found) >= limit:
                break
            found.append(name)
        return found

    def _words_starting(self, word: str) -> set[str]:
        start = bisect.bisect_left(self._words, word)
        words = set()
        for candidate in islice(self._words, start, None):
            if not candidate.startswith(word):
                break
            words.add(candidate)
        return words

    def _names_with(self, alternatives: list[set[str]]) -> set[int]:
        """Names holding, for every query word, one of its alternative name words. The names of
        the word with the fewest names are gathered; the other words only filter them (a short
        word such as `w` starts thousands of name words, whose names are never gathered)."""
        if not alternatives:
            return set()
        sizes = [sum(len(self._by_word.get(word, ())) for word in words) for words in alternatives]
        first = min(range(len(alternatives)), key=sizes.__getitem__)
        result: set[int] = set()
        for word in alternatives[first]:
            result |= self._by_word.get(word, set())
        for position, words in enumerate(alternatives):
            if not result:
                break
            if position != first:
                result = {name for name in result if not words.isdisjoint(self._name_words[name])}
        return result

    def _close_words(self, word: str) -> set[str]:
        if len(word) < 3:
            return set()
        found = process.extract(
            word,
            self._words,
            scorer=fuzz.ratio,
            limit=FUZZY_WORDS_PER_TYPO,
            score_cutoff=MIN_WORD_SIMILARITY,
        )
        return {candidate for candidate, _, _ in found}

    def _matches(self, query: str, limit: int) -> dict[int, tuple[Tier, float, int]]:
        """skill index -> (tier, coverage, name index) of its best name."""
        best: dict[int, tuple[Tier, float, int]] = {}
        skill_of, length_of, query_length = self._name_skill, self._name_length, len(query)

        def offer(names: Iterable[int], tier: Tier) -> None:
            for name in names:
                this_tier = (
                    Tier.ALIAS if tier == Tier.EXACT and not self._names[name].is_label else tier
                )
                coverage = min(1.0, query_length / length_of[name])
                current = best.get(skill_of[name])
                if current is None or (this_tier, -coverage) < (current[0], -current[1]):
                    best[skill_of[name]] = (this_tier, coverage, name)

        words = query.split()
        offer(self._exact.get(query, []), Tier.EXACT)
        offer(self._prefixed(query, 200), Tier.PREFIX)
        alternatives = [self._words_starting(word) for word in words]
        offer(self._names_with(alternatives), Tier.WORDS)
        if len(best) < limit:
            fuzzy = [
                alts if alts else self._close_words(word)
                for word, alts in zip(words, alternatives, strict=True)
            ]
            if all(fuzzy):
                offer(self._names_with(fuzzy), Tier.FUZZY)
        if len(best) < limit:
            stems = [
                self._same_stem(word) | alts for word, alts in zip(words, alternatives, strict=True)
            ]
            if all(stems):
                offer(self._names_with(stems), Tier.STEM)
        if not best and len(words) >= 3:
            counts: dict[int, int] = defaultdict(int)
            for word in set(words):
                for name in self._by_word.get(word, set()):
                    counts[name] += 1
            mentioned = (
                n for n, count in counts.items() if count == len(set(self._names[n].words))
            )
            offer(mentioned, Tier.SOME_WORDS)
        return best

    def _same_stem(self, word: str) -> set[str]:
        """Name words sharing the query word's stem: its first `max(5, len - 4)` letters
        ('negotiation' finds 'negotiate', 'recruitment' 'recruit', 'budgeting' 'budget')."""
        if len(word) < 6:
            return set()
        return self._words_starting(word[: max(5, len(word) - 4)])

    def matches(self, text: str, limit: int = 20) -> list[NameMatch]:
        """Every skill `text` names, unordered: `rank` orders them (once holder counts are
        known for these few)."""
        query = fold(text)
        if not query:
            return []
        found = self._matches(query, limit)
        spelled = fold(" ".join(ABBREVIATIONS.get(w, w) for w in text.lower().split()))
        if spelled != query:
            for index, value in self._matches(spelled, limit).items():
                if index not in found or value[:2] < found[index][:2]:
                    found[index] = value
        return [
            NameMatch(
                id=self.skills[index].id,
                label=self.skills[index].label,
                matched_name=self._names[name].text,
                tier=tier,
                coverage=coverage,
                is_group=self.skills[index].is_group,
                deprecated=self.skills[index].deprecated,
            )
            for index, (tier, coverage, name) in found.items()
        ]

    def search(
        self, text: str, limit: int = 20, holders: Mapping[str, int] | None = None
    ) -> list[NameMatch]:
        """The skills `text` names, best first (see the module's docstring for the order)."""
        return rank(self.matches(text, limit), holders or {})[:limit]

    def did_you_mean(self, text: str, limit: int = 3) -> list[str]:
        """Labels to suggest for a name that matched nothing exactly."""
        return [match.label for match in self.search(text, limit)]


def rank(matches: Iterable[NameMatch], holders: Mapping[str, int]) -> list[NameMatch]:
    """Best first: live before deprecated, by tier, skills before groups, the name the query
    covers most, the skill more people hold, the shorter label, the label, the id."""
    return sorted(
        matches,
        key=lambda m: (
            m.deprecated,
            m.tier,
            m.is_group,
            -round(m.coverage, 1),
            -holders.get(m.id, 0),
            len(m.label),
            m.label,
            m.id,
        ),
    )


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
