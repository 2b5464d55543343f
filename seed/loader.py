"""The one write path into the graph: rows in, UNWIND batches out.

Validation happens before this point (`seed.org_import` for CSV exports); here every row is
trusted and written in batches, in an order that lets each batch find what it links to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.database import Database
from seed.org import OrgData, TaxonomyData

BATCH_SIZE = 5_000

ProgressCallback = Callable[[str, int, int], None]
"""Called after each batch with (phase, rows written so far, rows in the phase)."""


@dataclass(frozen=True)
class PhaseResult:
    phase: str
    rows: int


def _params(row: object) -> dict[str, Any]:
    return dict(row) if isinstance(row, Mapping) else dict(vars(row))


async def write_batches(
    db: Database,
    query: str,
    phase: str,
    rows: Sequence[object],
    progress: ProgressCallback | None = None,
    batch_size: int = BATCH_SIZE,
) -> PhaseResult:
    for start in range(0, len(rows), batch_size):
        batch = [_params(row) for row in rows[start : start + batch_size]]
        await db.write(query, rows=batch)
        if progress is not None:
            progress(phase, min(start + batch_size, len(rows)), len(rows))
    return PhaseResult(phase, len(rows))


async def load_taxonomy(
    db: Database, taxonomy: TaxonomyData, progress: ProgressCallback | None = None
) -> list[PhaseResult]:
    return [
        await write_batches(db, "imports/upsert_skills", "skills", taxonomy.skills, progress),
        await write_batches(db, "imports/upsert_broader", "broader", taxonomy.broader, progress),
        await write_batches(db, "imports/upsert_related", "related", taxonomy.related, progress),
    ]


async def load_org(
    db: Database,
    org: OrgData,
    *,
    full_people_export: bool = False,
    progress: ProgressCallback | None = None,
) -> list[PhaseResult]:
    """Writes `org`; with `full_people_export`, people absent from it are marked inactive."""
    manager_links = [{"id": p.id, "manager_id": p.manager_id} for p in org.people]
    parent_links = [{"id": d.id, "parent_id": d.parent_id} for d in org.departments]
    phases = [
        ("imports/upsert_custom_skills", "custom skills", org.custom_skills),
        ("imports/upsert_departments", "departments", org.departments),
        ("imports/link_department_parents", "department tree", parent_links),
        ("imports/upsert_people", "people", org.people),
        ("imports/link_managers", "reporting lines", manager_links),
        ("imports/upsert_person_skills", "person skills", org.person_skills),
        ("imports/upsert_aspirations", "aspirations", org.aspirations),
        ("imports/upsert_gigs", "gigs", org.gigs),
        ("imports/upsert_gig_skills", "gig skills", org.gig_skills),
        ("imports/upsert_engagements", "engagements", org.engagements),
        ("imports/upsert_demonstrated_skills", "demonstrated skills", org.demonstrated_skills),
    ]
    results = [
        await write_batches(db, query, phase, rows, progress)  # type: ignore[arg-type]
        for query, phase, rows in phases
    ]
    if full_people_export and org.people:
        await db.write("imports/deactivate_missing_people", ids=[p.id for p in org.people])
    return results
