"""The skills taxonomy: derived from ESCO, shipped compressed in `seed/taxonomy/`, and resolved by
name.

Two formats are read:

* the **derived copy** (`seed/taxonomy/*.csv.gz`, written by `python -m seed.derive_taxonomy`):
  `skills` (id, label, aliases, type, group, description, is_group), `broader` (skill_id,
  broader_id), `related` (skill_id, related_id, weight) and `occupations` (id, label, essential,
  optional); lists are `|`-separated;
* an **ESCO source folder** (the tidy CSVs of `../shared/data/skills/esco`), derived on the fly.

Skill adjacency (`RELATED_TO`) comes from how often two skills occur together in ESCO occupation
profiles (essential and optional links): the weight is the cosine of their occupation sets,
`shared / sqrt(occupations(a) * occupations(b))`, kept for each skill's strongest neighbours.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import heapq
import io
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from graph.errors import ValidationFailed
from seed.org import BroaderRow, OccupationRow, RelatedRow, SkillRow, TaxonomyData

DEFAULT_TAXONOMY = Path(__file__).resolve().parent / "taxonomy"
DEFAULT_ESCO_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "skills" / "esco"

MAX_ALIASES = 8
MAX_DESCRIPTION = 300
NEIGHBOURS_PER_SKILL = 8
MIN_SHARED_OCCUPATIONS = 3


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


def _short(text: str, limit: int = MAX_DESCRIPTION) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _aliases(label: str, cell: str) -> tuple[str, ...]:
    seen = {label.lower()}
    kept: list[str] = []
    for alias in _split(cell):
        if alias.lower() not in seen and len(kept) < MAX_ALIASES:
            seen.add(alias.lower())
            kept.append(alias)
    return tuple(kept)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def is_esco_source(path: Path) -> bool:
    return (path / "skill_hierarchy.csv").is_file() and (path / "occupation_skills.csv").is_file()


def related_by_cooccurrence(profiles: Iterable[Sequence[str]]) -> list[RelatedRow]:
    """Adjacency from co-occurrence in occupation profiles: each skill keeps its
    `NEIGHBOURS_PER_SKILL` strongest neighbours sharing at least `MIN_SHARED_OCCUPATIONS`
    occupations; a pair is stored once (lower id first)."""
    occurrences: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for profile in profiles:
        skills = sorted(set(profile))
        occurrences.update(skills)
        shared.update(combinations(skills, 2))
    neighbours: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (a, b), count in shared.items():
        if count >= MIN_SHARED_OCCUPATIONS:
            weight = count / math.sqrt(occurrences[a] * occurrences[b])
            neighbours[a].append((weight, b))
            neighbours[b].append((weight, a))
    pairs: dict[tuple[str, str], float] = {}
    for skill, candidates in neighbours.items():
        for weight, other in heapq.nlargest(NEIGHBOURS_PER_SKILL, candidates):
            pairs[(min(skill, other), max(skill, other))] = round(min(weight, 1.0), 3)
    return [RelatedRow(a, b, weight) for (a, b), weight in sorted(pairs.items())]


def derive_from_esco(source: Path, occupation_labels: Sequence[str]) -> TaxonomyData:
    """The compact taxonomy from the ESCO CSVs: every skill and skill group, the hierarchy,
    co-occurrence adjacency, and the skill profiles of `occupation_labels`."""
    skills = [
        SkillRow(
            id=row["id"],
            label=row["label"],
            aliases=_aliases(row["label"], row["alt_labels"]),
            type=row["skill_type"],
            group=row["group_label"],
            description=_short(row["description"]),
        )
        for row in _rows(source / "skills.csv")
    ]
    groups = [
        SkillRow(
            id=row["id"],
            label=row["label"],
            aliases=_aliases(row["label"], row["alt_labels"]),
            type="skill group",
            group=row["code"],
            description=_short(row["description"]),
            is_group=True,
        )
        for row in _rows(source / "skill_groups.csv")
    ]
    broader = [
        BroaderRow(row["child_id"], row["parent_id"])
        for row in _rows(source / "skill_hierarchy.csv")
    ]
    profiles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(source / "occupation_skills.csv"):
        profiles[row["occupation_id"]][row["relation_type"]].append(row["skill_id"])
    wanted = {label: index for index, label in enumerate(occupation_labels)}
    occupations = sorted(
        (
            OccupationRow(
                id=row["id"],
                label=row["label"],
                essential=tuple(sorted(profiles[row["id"]]["essential"])),
                optional=tuple(sorted(profiles[row["id"]]["optional"])),
            )
            for row in _rows(source / "occupations.csv")
            if row["label"] in wanted
        ),
        key=lambda occupation: wanted[occupation.label],
    )
    missing = set(wanted) - {occupation.label for occupation in occupations}
    if missing:
        raise ValueError(f"occupations not in {source}: {', '.join(sorted(missing))}")
    related = related_by_cooccurrence(
        profile["essential"] + profile["optional"] for profile in profiles.values()
    )
    return TaxonomyData(
        skills=sorted(groups + skills, key=lambda s: s.id),
        broader=sorted(broader, key=lambda b: (b.skill_id, b.broader_id)),
        related=related,
        occupations=occupations,
    )


def _write_gz_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    # mtime=0 keeps the compressed bytes identical from one derivation to the next
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.getvalue().encode("utf-8"))


def write_derived(taxonomy: TaxonomyData, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "skills.csv.gz": (
            ("id", "label", "aliases", "type", "group", "description", "is_group"),
            (
                (
                    s.id,
                    s.label,
                    "|".join(s.aliases),
                    s.type,
                    s.group,
                    s.description,
                    "true" if s.is_group else "false",
                )
                for s in taxonomy.skills
            ),
        ),
        "broader.csv.gz": (
            ("skill_id", "broader_id"),
            ((b.skill_id, b.broader_id) for b in taxonomy.broader),
        ),
        "related.csv.gz": (
            ("skill_id", "related_id", "weight"),
            ((r.skill_id, r.related_id, r.weight) for r in taxonomy.related),
        ),
        "occupations.csv.gz": (
            ("id", "label", "essential", "optional"),
            (
                (o.id, o.label, "|".join(o.essential), "|".join(o.optional))
                for o in taxonomy.occupations
            ),
        ),
    }
    written = []
    for name, (header, rows) in files.items():
        _write_gz_csv(out / name, header, rows)
        written.append(out / name)
    return written


def read_derived(folder: Path) -> TaxonomyData:
    occupations_file = folder / "occupations.csv.gz"
    return TaxonomyData(
        skills=[
            SkillRow(
                id=row["id"],
                label=row["label"],
                aliases=_split(row["aliases"]),
                type=row["type"],
                group=row["group"],
                description=row["description"],
                is_group=row["is_group"] == "true",
            )
            for row in _rows(folder / "skills.csv.gz")
        ],
        broader=[
            BroaderRow(row["skill_id"], row["broader_id"])
            for row in _rows(folder / "broader.csv.gz")
        ],
        related=[
            RelatedRow(row["skill_id"], row["related_id"], float(row["weight"]))
            for row in _rows(folder / "related.csv.gz")
        ],
        occupations=[
            OccupationRow(
                row["id"], row["label"], _split(row["essential"]), _split(row["optional"])
            )
            for row in _rows(occupations_file)
        ]
        if occupations_file.is_file()
        else [],
    )


def read_taxonomy(path: Path = DEFAULT_TAXONOMY) -> TaxonomyData:
    """A derived copy or an ESCO source folder; `FileNotFoundError` when it is neither,
    `ValidationFailed` when its files cannot be read."""
    from seed.profiles import occupation_labels

    try:
        if is_esco_source(path):
            return derive_from_esco(path, occupation_labels())
        if (path / "skills.csv.gz").is_file():
            return read_derived(path)
    except KeyError as error:
        raise ValidationFailed(str(path), f"a taxonomy file lacks the column {error}") from error
    except (OSError, ValueError, csv.Error) as error:
        raise ValidationFailed(str(path), f"not a readable taxonomy ({error})") from error
    raise FileNotFoundError(
        f"{path} holds neither a derived taxonomy (skills.csv.gz, broader.csv.gz, "
        "related.csv.gz) nor ESCO CSVs (skills.csv, skill_hierarchy.csv, occupation_skills.csv)"
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
        for skill in skills:
            self.add(skill)

    def add(self, skill: SkillName) -> None:
        self.ids[skill.id.lower()] = skill.id
        self.labels[skill.id] = skill.label
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
        several (with "did you mean" unless `suggest` is False: that search is the costly part)."""
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
        close = difflib.get_close_matches(key, list(self._by_label), n=3, cutoff=0.6)
        if not close:
            return ""
        return "; did you mean " + ", ".join(repr(self.labels[self._by_label[c][0]]) for c in close)


def subset(taxonomy: TaxonomyData, skill_ids: Iterable[str]) -> TaxonomyData:
    """The part of `taxonomy` that `skill_ids` need: those skills and their broader ancestors,
    with the hierarchy and adjacency among them (a small, real taxonomy for tests and trials)."""
    parents: dict[str, list[str]] = defaultdict(list)
    for link in taxonomy.broader:
        parents[link.skill_id].append(link.broader_id)
    kept: set[str] = set()
    pending = list(skill_ids)
    while pending:
        skill_id = pending.pop()
        if skill_id not in kept:
            kept.add(skill_id)
            pending.extend(parents.get(skill_id, []))
    return TaxonomyData(
        skills=[s for s in taxonomy.skills if s.id in kept],
        broader=[b for b in taxonomy.broader if b.skill_id in kept and b.broader_id in kept],
        related=[r for r in taxonomy.related if r.skill_id in kept and r.related_id in kept],
        occupations=taxonomy.occupations,
    )
