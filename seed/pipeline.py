"""The import pipelines the CLI, the benchmarks and the tests share: taxonomy, HRIS folder,
generated organisation. Each validates first and writes through `seed.loader`."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from graph.database import Database
from graph.errors import ValidationFailed
from graph.migrate import ensure_reference_data
from graph.settings import ImportSettings
from seed.generate import generate_org
from seed.loader import (
    PhaseResult,
    ProgressCallback,
    load_org,
    load_survey_history,
    load_taxonomy,
)
from seed.org import OrgData, OrgTables, TaxonomyData
from seed.org_import import ValidatedExport, read_org_dir, write_org_dir
from seed.survey_history import generate_survey_history, survey_specs
from seed.taxonomy import DEFAULT_TAXONOMY, read_taxonomy

DATASET_ID = "generated-org-with-surveys"


@dataclass(frozen=True)
class GraphCounts:
    people: int
    active_people: int
    taxonomy_skills: int
    departments: int
    gigs: int

    @property
    def empty(self) -> bool:
        return self.people == 0 and self.taxonomy_skills == 0 and self.gigs == 0


async def graph_counts(db: Database) -> GraphCounts:
    row = (await db.read("imports/graph_counts"))[0]
    return GraphCounts(**row)


async def import_taxonomy(
    db: Database, path: Path = DEFAULT_TAXONOMY, progress: ProgressCallback | None = None
) -> list[PhaseResult]:
    """Loads a whole taxonomy: skills it no longer has are deprecated."""
    return await load_taxonomy(db, read_taxonomy(path), progress, complete=True)


async def ensure_taxonomy(
    db: Database, progress: ProgressCallback | None = None
) -> list[PhaseResult]:
    """Imports the shipped taxonomy when the graph has none."""
    if (await graph_counts(db)).taxonomy_skills:
        return []
    return await import_taxonomy(db, DEFAULT_TAXONOMY, progress)


class MassDeactivation(ValidationFailed):
    """A full export would mark more of the active people inactive than the guard allows: most
    likely a truncated or broken people.csv, not a wave of leavers."""

    SHOWN = 20

    def __init__(self, missing: int, active: int, first: list[dict[str, str]], pct: float) -> None:
        names = ", ".join(f"{row['id']} ({row['name']})" for row in first)
        more = f" and {missing - len(first):,} more" if missing > len(first) else ""
        super().__init__(
            "people.csv",
            f"this full export would mark {missing:,} of {active:,} active people inactive "
            f"({missing / active:.0%}; the limit is {pct:g}%): {names}{more}. Nothing was "
            "written. If they all left, import again with --allow-mass-deactivation; if "
            "people.csv is not a full export, use --partial.",
        )
        self.missing = missing
        self.active = active


async def check_deactivations(db: Database, org: OrgTables, max_pct: float) -> None:
    """Raises `MassDeactivation` when a full export of `org` would deactivate more than
    `max_pct` percent of the active people."""
    row = (
        await db.read(
            "imports/people_missing_from_export",
            ids=list(org.person_ids),
            shown=MassDeactivation.SHOWN,
        )
    )[0]
    if row["missing"] and row["missing"] * 100 > max_pct * row["active"]:
        raise MassDeactivation(row["missing"], row["active"], row["first"], max_pct)


async def import_org_dir(
    db: Database,
    folder: Path,
    *,
    dry_run: bool = False,
    full_export: bool = True,
    allow_mass_deactivation: bool = False,
    progress: ProgressCallback | None = None,
) -> tuple[ValidatedExport, list[PhaseResult]]:
    """Validates the export in `folder` (raising `ImportInvalid` with every problem) and, unless
    `dry_run`, loads it. With `full_export` and a people.csv, people it lacks become inactive;
    more than `TALENTGRAPH_IMPORT_MAX_DEACTIVATION_PCT` of them only with
    `allow_mass_deactivation` (`MassDeactivation` otherwise, dry run or not). The export's tables
    read `folder` again when iterated."""
    org = await read_org_dir(db, folder)
    full = full_export and (folder / "people.csv").is_file() and bool(org.people)
    if full and not allow_mass_deactivation:
        await check_deactivations(db, org, ImportSettings().max_deactivation_pct)
    if dry_run:
        return org, []
    return org, await load_org(db, org, full_people_export=full, progress=progress)


def generate_to_dir(
    taxonomy: TaxonomyData,
    out: Path,
    *,
    people: int,
    gigs: int | None = None,
    seed: int = 7,
    as_of: date | None = None,
) -> OrgData:
    org = generate_org(taxonomy, people, gigs, seed, as_of)
    write_org_dir(org, out)
    return org


async def seed_org(
    db: Database,
    *,
    people: int,
    gigs: int | None = None,
    seed: int = 7,
    as_of: date | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[OrgData, list[PhaseResult]]:
    """Generates an organisation, writes it as an HRIS export and imports that export, the way a
    real one arrives, then loads its 18 months of pulse survey answers; the taxonomy is imported
    first if the graph has none. Returns the generated organisation (what the export holds)."""
    await ensure_taxonomy(db, progress)
    day = as_of or datetime.now(UTC).date()
    with tempfile.TemporaryDirectory(prefix="talentgraph-seed-") as folder:
        generated = generate_to_dir(
            read_taxonomy(), Path(folder), people=people, gigs=gigs, seed=seed, as_of=day
        )
        _, results = await import_org_dir(db, Path(folder), progress=progress)
    await ensure_reference_data(db)
    specs = survey_specs(await db.read("surveys/surveys", ids=None, include_retired=False))
    history = generate_survey_history(generated, specs, seed, day)
    return generated, results + await load_survey_history(db, history, progress)


async def mark_dataset(db: Database, people: int, seed: int) -> None:
    await db.write("imports/mark_dataset", id=DATASET_ID, people=people, seed=seed)


async def dataset_is(db: Database, people: int, seed: int) -> bool:
    """Whether the graph holds exactly the generated organisation of `people` and `seed`."""
    marks = await db.read("imports/dataset_marker", id=DATASET_ID)
    if not marks or (marks[0]["people"], marks[0]["seed"]) != (people, seed):
        return False
    return (await graph_counts(db)).people == people
