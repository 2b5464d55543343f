"""Skills a text mentions or implies: a gig's description, a pasted CV or bio.

Words are folded as the search folds them (`seed.skill_matcher.fold`) and lose one common
English ending (`stem`: *negotiating*, *negotiate* and *negotiation* meet). A skill name is found
in a text when the text holds the stems of most of its words close together: the share of the
name's word weight it holds (each word weighs its inverse document frequency over every skill
name, so *data* counts little and *Kubernetes* a lot) is its `coverage`; a name needs
`MIN_COVERAGE` of it and `MIN_WEIGHT_SHARE` of a unique word's weight in all (one common word
is no mention), within `WINDOW`
words (a name's words scattered over a whole CV do not make a mention). Each skill is offered
once, through its best name, with the phrase of the text that triggered it; skills rank by
coverage x the weight matched, so specific names fully mentioned come first. Nothing here
writes: a suggestion is only offered.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from seed.skill_matcher import SkillEntry, fold

MIN_COVERAGE = 0.5
MIN_WEIGHT_SHARE = 0.35
"""Of the weight of a word only one name holds: what a mention must match at least."""
WINDOW = 6
STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into",
     "is", "it", "its", "of", "on", "or", "our", "the", "their", "to", "we", "will", "with", "you",
     "your", "who", "what", "which", "this", "that", "these", "those", "use", "using", "work",
     "working")
)  # fmt: skip
_WORD = re.compile(r"\S+")


SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ers", "er", "ies",
            "es", "ed", "s", "e")  # fmt: skip


def stem(word: str) -> str:
    """The word without one common English ending, when at least four letters are left."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str
    phrase: str
    """The words of the text that triggered it, as the text wrote them."""
    matched_name: str
    confidence: float
    """The share of the name's weight the phrase holds, 0-1."""
    score: float


@dataclass
class _Name:
    skill: int
    text: str
    stems: tuple[str, ...]


@dataclass
class SkillSuggester:
    skills: list[SkillEntry] = field(default_factory=list)
    _names: list[_Name] = field(default_factory=list)
    _by_stem: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    _weight: dict[str, float] = field(default_factory=dict)
    _min_weight: float = 0.0

    @classmethod
    def build(cls, skills: Iterable[SkillEntry]) -> SkillSuggester:
        suggester = cls()
        for skill in skills:
            if skill.is_group or skill.deprecated:
                continue
            index = len(suggester.skills)
            suggester.skills.append(skill)
            for text in dict.fromkeys((skill.label, *skill.aliases)):
                stems = tuple(
                    dict.fromkeys(stem(w) for w in fold(text).split() if w not in STOP_WORDS)
                )
                if not stems or (len(stems) == 1 and len(stems[0]) < 3):
                    continue
                name = len(suggester._names)
                suggester._names.append(_Name(index, text, stems))
                for s in stems:
                    suggester._by_stem[s].add(name)
        total = max(len(suggester._names), 1)
        suggester._min_weight = MIN_WEIGHT_SHARE * math.log(total)
        suggester._weight = {
            s: math.log(total / len(names)) for s, names in suggester._by_stem.items()
        }
        return suggester

    def suggest(self, text: str, limit: int = 10) -> list[Suggestion]:
        """The skills `text` mentions, best first (see the module's docstring)."""
        originals = _WORD.findall(text)
        positions: dict[str, list[int]] = defaultdict(list)
        for index, original in enumerate(originals):
            for word in fold(original).split():
                if word not in STOP_WORDS:
                    positions[stem(word)].append(index)
        candidates = {name for s in positions for name in self._by_stem.get(s, ())}
        best: dict[int, Suggestion] = {}
        for name_index in candidates:
            name = self._names[name_index]
            span = _window(name.stems, positions)
            if span is None:
                continue
            matched, (start, end) = span
            weight = sum(self._weight[s] for s in name.stems)
            held = sum(self._weight[s] for s in matched)
            coverage = held / weight if weight else 0.0
            if coverage < MIN_COVERAGE or held < self._min_weight:
                continue
            skill = self.skills[name.skill]
            suggestion = Suggestion(
                id=skill.id,
                label=skill.label,
                phrase=" ".join(originals[start : end + 1]).strip(".,;:()[]\"'"),
                matched_name=name.text,
                confidence=round(coverage, 2),
                score=coverage * held,
            )
            current = best.get(name.skill)
            if current is None or suggestion.score > current.score:
                best[name.skill] = suggestion
        ranked = sorted(best.values(), key=lambda s: (-s.score, s.label, s.id))
        return ranked[:limit]


def _window(
    stems: tuple[str, ...], positions: dict[str, list[int]]
) -> tuple[list[str], tuple[int, int]] | None:
    """The stems of a name found in the text close together (within `WINDOW` words of its first
    one found), and the span of text they cover; None when no stem of it is there."""
    found = [(p, s) for s in stems for p in positions.get(s, ())]
    if not found:
        return None
    found.sort()
    best: tuple[list[str], tuple[int, int]] | None = None
    for start, _ in found:
        inside = {s: p for p, s in reversed(found) if start <= p < start + WINDOW}
        if best is None or len(inside) > len(best[0]):
            spots = list(inside.values())
            best = (list(inside), (min(spots), max(spots)))
    return best
