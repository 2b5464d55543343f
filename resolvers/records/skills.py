"""Skills as the domain hands them over."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Row
from resolvers.records import NOT_FETCHED, Fetched


@dataclass(frozen=True)
class SkillRecord:
    """A skill from all its properties, or (as nested lists fetch them, to keep pages light) at
    least `id` and `label`; `aliases` and `description` are then `NOT_FETCHED`."""

    id: str
    label: str
    type: str
    custom: bool
    deprecated: bool
    matched_name: str | None = None
    """In a search result: the label or alias that matched."""
    aliases: Fetched[tuple[str, ...]] = NOT_FETCHED
    description: Fetched[str] = NOT_FETCHED

    @classmethod
    def from_row(cls, row: Row) -> SkillRecord:
        every_property = "aliases" in row
        return cls(
            id=str(row["id"]),
            label=row["label"],
            type=row.get("type") or "",
            custom=bool(row.get("custom", False)),
            deprecated=bool(row.get("deprecated", False)),
            matched_name=row.get("matched_name"),
            aliases=tuple(row["aliases"] or ()) if every_property else NOT_FETCHED,
            description=str(row.get("description") or "") if every_property else NOT_FETCHED,
        )

    @classmethod
    def named(cls, id: str) -> SkillRecord:
        """A skill the graph does not hold (any more): shown by its id."""
        return cls(id=id, label=id, type="", custom=False, deprecated=False)


@dataclass(frozen=True)
class RelatedSkillRecord:
    skill: SkillRecord
    weight: float

    @classmethod
    def from_row(cls, row: Row) -> RelatedSkillRecord:
        return cls(skill=SkillRecord.from_row(row["skill"]), weight=float(row["weight"]))


@dataclass(frozen=True)
class SkillSuggestionRecord:
    skill: SkillRecord
    phrase: str
    matched_name: str
    confidence: float
