"""Skills a text mentions or implies: a gig's description, a pasted CV or bio.

Words are folded as the search folds them (`seed.skill_matcher.fold`) and lose one common
English ending (`stem`: *negotiating*, *negotiate* and *negotiation* meet). Two signals, computed
once per taxonomy version (`SkillSuggester.build`), nothing downloaded:

* **Mentions.** A skill name is found in a text when the text holds the stems of most of its
  words close together: the share of the name's word weight it holds (each word weighs its
  inverse document frequency over every skill name, so *data* counts little and *Kubernetes* a
  lot) is its `coverage`; a name needs `MIN_COVERAGE` of it and `MIN_WEIGHT_SHARE` of a unique
  word's weight in all (one common word is no mention), within `WINDOW` words (a name's words
  scattered over a whole CV do not make a mention).
* **Similarity.** The TF-IDF cosine of the text and each skill's own words: its label (twice),
  alternative labels and description (term frequencies dampened, `1 + ln tf`; a word weighs
  `ln((1 + skills) / (1 + skills using it)) + 1`), so a text about *radiation levels* in a
  *nuclear plant* implies *monitor radiation levels* although it never names it.

A skill is offered when it is mentioned or when its similarity reaches `MIN_SIMILARITY` with at
least `MIN_SHARED_WORDS` words in common (one shared word is no evidence); its score is the
similarity plus `MENTION_BONUS` x the coverage of its best mention. Then the skills found
**spread** over the taxonomy's adjacency (`RELATED_TO`: curated relations, similar descriptions,
siblings, co-occurrence in occupation profiles as support; generic skills have none): each skill
related to one of the `SPREAD_FROM` strongest gains `SPREAD` x the link's weight x that one's
score, and is offered too (a text about welding fixtures also implies reading blueprints). Each
suggestion comes with the phrase that triggered it: the mention's words; for a skill only
similar, the words of the text it shares that weigh most (`IMPLIED_WORDS`, in the text's
order); for a skill only related, the phrase of the skill it is related to. The parameters were
chosen on ESCO occupations that `benchmarks.skill_suggestions` does not score (its `dev`
split). Nothing here writes: a suggestion is only offered.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from seed.skill_matcher import SkillEntry, fold

MIN_COVERAGE = 0.5
MIN_WEIGHT_SHARE = 0.35
"""Of the weight of a word only one name holds: what a mention must match at least."""
WINDOW = 6
MIN_SIMILARITY = 0.2
MENTION_BONUS = 0.1
MIN_SHARED_WORDS = 2
SPREAD = 0.3
SPREAD_FROM = 5
IMPLIED_WORDS = 3
STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into",
     "is", "it", "its", "of", "on", "or", "our", "the", "their", "to", "we", "will", "with", "you",
     "your", "who", "what", "which", "this", "that", "these", "those", "use", "using", "work",
     "working")
)  # fmt: skip
_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = ".,;:()[]\"'"


SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ers", "er", "ies",
            "es", "ed", "s", "e")  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The word without one common English ending, when at least four letters are left."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def stems_of(text: str) -> list[str]:
    return [stem(word) for word in fold(text).split() if word not in STOP_WORDS]


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str
    phrase: str
    """The words of the text that triggered it, as the text wrote them."""
    matched_name: str
    confidence: float
    """A mention: the share of the name's weight the phrase holds; a skill only implied: the
    text's similarity to it; 0-1."""
    score: float


@dataclass(frozen=True)
class _Name:
    skill: int
    text: str
    stems: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class _Mention:
    name: _Name
    coverage: float
    phrase: str


@dataclass(frozen=True)
class _Postings:
    skills: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]


class SkillSuggester:
    def __init__(
        self, skills: Iterable[SkillEntry], related: Iterable[tuple[str, str, float]] = ()
    ) -> None:
        self.skills = [s for s in skills if not s.is_group and not s.deprecated]
        position = {skill.id: index for index, skill in enumerate(self.skills)}
        self._related: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for a, b, weight in related:
            if a in position and b in position:
                self._related[position[a]].append((position[b], weight))
                self._related[position[b]].append((position[a], weight))
        names: list[tuple[int, str, tuple[str, ...]]] = []
        for index, skill in enumerate(self.skills):
            for text in dict.fromkeys((skill.label, *skill.aliases)):
                stems = tuple(dict.fromkeys(stems_of(text)))
                if stems and not (len(stems) == 1 and len(stems[0]) < 3):
                    names.append((index, text, stems))
        holders = Counter(s for _, _, stems in names for s in stems)
        total = max(len(names), 1)
        self._name_weight = {s: math.log(total / count) for s, count in holders.items()}
        self._min_weight = MIN_WEIGHT_SHARE * math.log(total)
        self._names = [
            _Name(skill, text, stems, sum(self._name_weight[s] for s in stems))
            for skill, text, stems in names
        ]
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        for index, name in enumerate(self._names):
            for s in name.stems:
                self._by_stem[s].append(index)
        self._build_documents()

    @classmethod
    def build(
        cls, skills: Iterable[SkillEntry], related: Iterable[tuple[str, str, float]] = ()
    ) -> SkillSuggester:
        """From every skill and the taxonomy's `RELATED_TO` links (skill, related, weight)."""
        return cls(skills, related)

    def _build_documents(self) -> None:
        documents = [
            Counter(stems_of(" . ".join((s.label, s.label, *s.aliases, s.description))))
            for s in self.skills
        ]
        used = Counter(word for document in documents for word in document)
        count = len(documents)
        self._idf = {w: math.log((1 + count) / (1 + n)) + 1 for w, n in used.items()}
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for index, document in enumerate(documents):
            weights = {w: (1 + math.log(tf)) * self._idf[w] for w, tf in document.items()}
            norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
            for word, weight in weights.items():
                postings[word][0].append(index)
                postings[word][1].append(weight / norm)
        self._postings = {
            word: _Postings(np.array(ids, dtype=np.int64), np.array(weights))
            for word, (ids, weights) in postings.items()
        }

    def suggest(self, text: str, limit: int = 10) -> list[Suggestion]:
        """The skills `text` mentions or implies, best first (see the module's docstring)."""
        originals = _WORD.findall(text)
        positions: dict[str, list[int]] = defaultdict(list)
        for index, original in enumerate(originals):
            for word in fold(original).split():
                if word not in STOP_WORDS:
                    positions[stem(word)].append(index)
        if not positions:
            return []
        similarity = self._similarity(positions)
        mentions = self._mentions(positions, originals)
        score = similarity.copy()
        for skill, mention in mentions.items():
            score[skill] += MENTION_BONUS * mention.coverage
        offered = set(mentions) | set(np.flatnonzero(similarity >= MIN_SIMILARITY).tolist())
        via = self._spread(offered, score)
        offered |= set(via)
        ranked = sorted(offered, key=lambda i: (-score[i], self.skills[i].label, self.skills[i].id))
        return [self._suggestion(i, mentions, similarity, score, text, via) for i in ranked[:limit]]

    def _spread(self, offered: set[int], score: npt.NDArray[np.float64]) -> dict[int, int]:
        """Raises, in `score`, the skills related to the `SPREAD_FROM` strongest of `offered` by
        `SPREAD` x the link's weight x that skill's score; returns each raised skill's strongest
        source."""
        sources = sorted(offered, key=lambda i: -score[i])[:SPREAD_FROM]
        raised: dict[int, float] = defaultdict(float)
        strongest: dict[int, tuple[float, int]] = {}
        for source in sources:
            for related, weight in self._related.get(source, ()):
                gain = SPREAD * weight * float(score[source])
                raised[related] += gain
                if related not in strongest or gain > strongest[related][0]:
                    strongest[related] = (gain, source)
        for related, gain in raised.items():
            score[related] += gain
        return {related: source for related, (_, source) in strongest.items()}

    def _text_weights(self, positions: dict[str, list[int]]) -> dict[str, float]:
        """The text's TF-IDF vector: each of its words the skills use, L2-normalised."""
        weights = {
            w: (1 + math.log(len(at))) * self._idf[w]
            for w, at in positions.items()
            if w in self._idf
        }
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}

    def _similarity(self, positions: dict[str, list[int]]) -> npt.NDArray[np.float64]:
        """Each skill's TF-IDF cosine with the text; 0 for a skill sharing fewer than
        `MIN_SHARED_WORDS` words with it (one word in common is no evidence)."""
        similarity = np.zeros(len(self.skills))
        shared = np.zeros(len(self.skills), dtype=np.int64)
        for word, weight in self._text_weights(positions).items():
            found = self._postings[word]
            similarity[found.skills] += found.weights * weight
            shared[found.skills] += 1
        similarity[shared < MIN_SHARED_WORDS] = 0.0
        return similarity

    def _mentions(
        self, positions: dict[str, list[int]], originals: list[str]
    ) -> dict[int, _Mention]:
        """Each skill's best mention in the text (module docstring), by coverage x weight."""
        held: dict[int, float] = defaultdict(float)
        for s in positions:
            for index in self._by_stem.get(s, ()):
                held[index] += self._name_weight[s]
        best: dict[int, tuple[float, _Mention]] = {}
        for index, weight_anywhere in held.items():
            name = self._names[index]
            # a name whose stems hold too little wherever they are can have no mention
            if weight_anywhere >= max(self._min_weight, MIN_COVERAGE * name.weight):
                self._mention(name, positions, originals, best)
        return {skill: mention for skill, (_, mention) in best.items()}

    def _mention(
        self,
        name: _Name,
        positions: dict[str, list[int]],
        originals: list[str],
        best: dict[int, tuple[float, _Mention]],
    ) -> None:
        """`name`'s mention in the text, if it has one, kept in `best` when it is its skill's
        strongest so far."""
        span = _window(name.stems, positions)
        if span is None:
            return
        matched, (start, end) = span
        weight = sum(self._name_weight[w] for w in matched)
        coverage = weight / name.weight if name.weight else 0.0
        if coverage < MIN_COVERAGE or weight < self._min_weight:
            return
        phrase = " ".join(originals[start : end + 1]).strip(_EDGE_PUNCTUATION)
        current = best.get(name.skill)
        if current is None or coverage * weight > current[0]:
            best[name.skill] = (coverage * weight, _Mention(name, coverage, phrase))

    def _suggestion(
        self,
        index: int,
        mentions: dict[int, _Mention],
        similarity: npt.NDArray[np.float64],
        score: npt.NDArray[np.float64],
        text: str,
        via: dict[int, int],
    ) -> Suggestion:
        """A mention with its words; a similar skill with the words it shares with the text; a
        skill only related to those found with what brought the one it is related to."""
        skill = self.skills[index]
        mention = mentions.get(index)
        if mention is not None:
            phrase, matched, confidence = mention.phrase, mention.name.text, mention.coverage
        elif similarity[index] >= MIN_SIMILARITY or index not in via:
            phrase, matched = self._implied_by(skill, text), skill.label
            confidence = float(similarity[index])
        else:
            source = self.skills[via[index]]
            phrase = (
                mentions[via[index]].phrase
                if via[index] in mentions
                else self._implied_by(source, text)
            )
            matched, confidence = skill.label, float(score[index] - similarity[index])
        return Suggestion(
            id=skill.id,
            label=skill.label,
            phrase=phrase,
            matched_name=matched,
            confidence=round(min(confidence, 1.0), 2),
            score=float(score[index]),
        )

    def _implied_by(self, skill: SkillEntry, text: str) -> str:
        """The words of `text` that weigh most among those `skill`'s own words share with it,
        as the text wrote them, in its order."""
        own = set(stems_of(" ".join((skill.label, *skill.aliases, skill.description))))
        words: dict[str, str] = {}
        for original in _WORD.findall(text):
            for word in fold(original).split():
                s = stem(word)
                if s in own and word not in STOP_WORDS and s not in words:
                    words[s] = original.strip(_EDGE_PUNCTUATION)
        telling = sorted(words, key=lambda s: -self._idf.get(s, 0.0))[:IMPLIED_WORDS]
        return ", ".join(words[s] for s in words if s in telling)


def _window(
    stems: tuple[str, ...], positions: dict[str, list[int]]
) -> tuple[list[str], tuple[int, int]] | None:
    """The stems of a name found in the text close together (the most of them within `WINDOW`
    words), and the span of text they cover; None when no stem of it is there. A window slides
    over the name's stems in the text's order, counting each stem's latest place in it."""
    found = sorted((p, s) for s in stems for p in positions.get(s, ()))
    if not found:
        return None
    best: tuple[list[str], tuple[int, int]] | None = None
    inside: dict[str, int] = {}
    counts: Counter[str] = Counter()
    left = 0
    for place, s in found:
        counts[s] += 1
        inside[s] = place
        while found[left][0] <= place - WINDOW:
            gone = found[left][1]
            counts[gone] -= 1
            if not counts[gone]:
                del counts[gone]
                del inside[gone]
            left += 1
        if best is None or len(counts) > len(best[0]):
            spots = list(inside.values())
            best = (list(inside), (min(spots), max(spots)))
    return best
