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
import gzip
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from graph.errors import ValidationFailed
from seed.adjacency import AdjacencyInput, counts_as_adjacent, generic_skills, related_skills
from seed.org import BroaderRow, OccupationRow, RelatedRow, SkillRow, TaxonomyData
from seed.tools import (
    COMMODITY_SKILLS,
    FALLBACK_GROUP_CODE,
    MAX_TOOL_ALIASES,
    MIN_COMMODITY_SIMILARITY,
    place_tools,
    read_tools,
)

DEFAULT_TAXONOMY = Path(__file__).resolve().parent / "taxonomy"
DEFAULT_ESCO_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "skills" / "esco"

MAX_ALIASES = 8
MAX_DESCRIPTION = 300


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


def _commodity_fallback(commodities: Iterable[str], skills: Sequence[SkillRow]) -> dict[str, str]:
    """For commodities the table does not name (or names skills this ESCO release lacks): the ESCO
    skill whose label and aliases are most similar (TF-IDF cosine ≥ MIN_COMMODITY_SIMILARITY),
    else the *working with computers* group."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    labels = {s.label for s in skills}
    mapped = {c for c, names in COMMODITY_SKILLS.items() if all(n in labels for n in names)}
    wanted = sorted(set(commodities) - mapped)
    if not wanted:
        return {}
    fallback = next(
        (s.id for s in skills if s.is_group and s.group == FALLBACK_GROUP_CODE), skills[0].id
    )
    candidates = [s for s in skills if not s.is_group]
    vectoriser = TfidfVectorizer(stop_words=["software", "and", "or"], sublinear_tf=True)
    vectors = vectoriser.fit_transform(" ".join((s.label, *s.aliases)) for s in candidates)
    chosen: dict[str, str] = {}
    for commodity, row in zip(
        wanted, (vectoriser.transform(wanted) @ vectors.T).toarray(), strict=True
    ):
        best = int(row.argmax())
        chosen[commodity] = (
            candidates[best].id if row[best] >= MIN_COMMODITY_SIMILARITY else fallback
        )
    return chosen


def onet_source_beside(esco: Path) -> Path | None:
    """The O*NET folder next to an ESCO one (`../shared/data/skills/onet`), if there is one."""
    onet = esco.parent / "onet"
    return onet if (onet / "technology_skills.csv").is_file() else None


def derive_from_esco(
    source: Path, occupation_labels: Sequence[str], onet: Path | None = None
) -> TaxonomyData:
    """The compact taxonomy from the ESCO CSVs: every skill and skill group, the hierarchy,
    adjacency (`seed.adjacency`), the skill profiles of `occupation_labels`, and, with an O*NET
    folder, its tools placed under ESCO (`seed.tools`)."""
    esco_rows = list(_rows(source / "skills.csv"))
    reuse = {row["id"]: row.get("reuse_level", "") for row in esco_rows}
    top_groups = {row["id"]: row.get("top_group_code", "") for row in esco_rows}
    skills = [
        SkillRow(
            id=row["id"],
            label=row["label"],
            aliases=_aliases(row["label"], row["alt_labels"]),
            type=row["skill_type"],
            group=row["group_label"],
            description=_short(row["description"]),
        )
        for row in esco_rows
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
    hierarchy = list(_rows(source / "skill_hierarchy.csv"))
    broader = [BroaderRow(row["child_id"], row["parent_id"]) for row in hierarchy]
    leaf_groups: dict[str, list[str]] = defaultdict(list)
    for row in hierarchy:
        if row["child_kind"] == "skill" and row["parent_kind"] == "skill_group":
            leaf_groups[row["child_id"]].append(row["parent_id"])
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
    all_profiles = [
        profile["essential"] + profile["optional"] for _, profile in sorted(profiles.items())
    ]
    generic = generic_skills(skills, reuse, all_profiles, broader)
    relations = source / "skill_relations.csv"
    curated = (
        [(row["skill_id"], row["related_skill_id"]) for row in _rows(relations)]
        if relations.is_file()
        else []
    )
    related = related_skills(AdjacencyInput(skills, leaf_groups, curated, all_profiles), generic)
    skills = [replace(s, generic=s.id in generic) for s in skills]
    onet = onet if onet is not None else onet_source_beside(source)
    if onet is not None:
        tools = read_tools(onet)
        fallback = _commodity_fallback(
            (c for tool in tools for c in tool.commodities), groups + skills
        )
        placed = place_tools(tools, groups + skills, fallback)
        skills = [
            replace(s, aliases=_merged(s.aliases, placed.aliases[s.id]))
            if s.id in placed.aliases
            else s
            for s in skills
        ] + placed.skills
        broader += placed.broader
    everything = {s.id: s for s in groups + skills}
    broader = [
        replace(
            b,
            adjacent=counts_as_adjacent(
                everything[b.skill_id], everything[b.broader_id], top_groups
            ),
        )
        for b in broader
    ]
    return TaxonomyData(
        skills=sorted(groups + skills, key=lambda s: s.id),
        broader=sorted(broader, key=lambda b: (b.skill_id, b.broader_id)),
        related=related,
        occupations=occupations,
    )


def _merged(aliases: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    seen = {alias.lower() for alias in aliases}
    extra = [alias for alias in more if alias.lower() not in seen]
    return aliases + tuple(dict.fromkeys(extra))[:MAX_TOOL_ALIASES]


def _write_gz_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    # mtime=0 keeps the compressed bytes identical from one derivation to the next
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.getvalue().encode("utf-8"))


def _flag(value: bool) -> str:
    return "true" if value else "false"


def write_derived(taxonomy: TaxonomyData, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "skills.csv.gz": (
            (
                "id",
                "label",
                "aliases",
                "type",
                "group",
                "description",
                "is_group",
                "generic",
                "commodity",
                "hot_technology",
            ),
            (
                (
                    s.id,
                    s.label,
                    "|".join(s.aliases),
                    s.type,
                    s.group,
                    s.description,
                    _flag(s.is_group),
                    _flag(s.generic),
                    s.commodity,
                    _flag(s.hot_technology),
                )
                for s in taxonomy.skills
            ),
        ),
        "broader.csv.gz": (
            ("skill_id", "broader_id", "adjacent"),
            ((b.skill_id, b.broader_id, _flag(b.adjacent)) for b in taxonomy.broader),
        ),
        "related.csv.gz": (
            ("skill_id", "related_id", "weight", "sources"),
            ((r.skill_id, r.related_id, r.weight, "|".join(r.sources)) for r in taxonomy.related),
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
                generic=row.get("generic") == "true",
                commodity=row.get("commodity") or "",
                hot_technology=row.get("hot_technology") == "true",
            )
            for row in _rows(folder / "skills.csv.gz")
        ],
        broader=[
            BroaderRow(row["skill_id"], row["broader_id"], row.get("adjacent", "true") == "true")
            for row in _rows(folder / "broader.csv.gz")
        ],
        related=[
            RelatedRow(
                row["skill_id"],
                row["related_id"],
                float(row["weight"]),
                _split(row.get("sources") or ""),
            )
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
