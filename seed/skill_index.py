"""Resolves what a person or an import file writes (an id, a label or an alias, any case) to
one skill id, saying what the search would offer when it names none (`seed.skill_matcher`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from seed.skill_matcher import SkillEntry, SkillMatcher


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
