"""The one write path into the graph: rows in, UNWIND batches out.

Validation happens before this point (`seed.org_import` for CSV exports); here every row is
trusted and written in batches, in an order that lets each batch find what it links to.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from graph.database import Database, Transaction
from graph.migrate import refresh_holder_digests
from seed.org import OrgTables, Rows, TaxonomyData
from seed.survey_history import SurveyHistory

BATCH_SIZE = 10_000

ProgressCallback = Callable[[str, int, int], None]
"""Called after each batch with (phase, rows written so far, rows in the phase)."""


@dataclass(frozen=True)
class PhaseResult:
    phase: str
    rows: int
    seconds: float = 0.0
    skill_ids: frozenset[str] = frozenset()
    """The skills whose holders the phase may have changed (its query returns `skill_ids`)."""


def _params(row: object) -> dict[str, Any]:
    return dict(row) if isinstance(row, Mapping) else dict(vars(row))


def _batches(rows: Rows[object], size: int) -> Iterator[list[dict[str, Any]]]:
    remaining = iter(rows)
    while batch := [_params(row) for row in islice(remaining, size)]:
        yield batch


async def write_batches(
    db: Database,
    query: str,
    phase: str,
    rows: Rows[object],
    progress: ProgressCallback | None = None,
    batch_size: int = BATCH_SIZE,
    concurrency: int = 1,
    then: str | None = None,
    **params: Any,
) -> PhaseResult:
    """Writes `rows` with `query` (which UNWINDs `$rows`), one transaction per batch, up to
    `concurrency` batches at a time (the driver retries a batch that hits a deadlock); `params`
    go with every batch, and the query `then` (without parameters) runs in each batch's
    transaction after it. Each batch is taken from `rows` only when a writer is free for it, in a
    thread: for a validated export that is reading and checking the file's next rows, CPU work
    kept off the event loop, and only the batches in flight are ever in memory."""
    began = time.perf_counter()
    total = len(rows)
    batches = _batches(rows, batch_size)
    taking = asyncio.Lock()
    written = 0
    skill_ids: set[str] = set()

    def writing(batch: list[dict[str, Any]]) -> Callable[[Transaction], Awaitable[None]]:
        async def write(tx: Transaction) -> None:
            for row in await tx.run(query, rows=batch, **params):
                skill_ids.update(row.get("skill_ids") or ())
            if then is not None:
                await tx.run(then)

        return write

    async def writer() -> None:
        nonlocal written
        while True:
            async with taking:  # one thread at a time advances the batches
                batch = await asyncio.to_thread(next, batches, None)
            if batch is None:
                return
            await db.in_write_transaction(writing(batch))
            written += len(batch)
            if progress is not None:
                progress(phase, written, total)

    await asyncio.gather(*(writer() for _ in range(concurrency)))
    return PhaseResult(phase, written, time.perf_counter() - began, frozenset(skill_ids))


def taxonomy_stamp(taxonomy: TaxonomyData) -> str:
    """A fingerprint of the taxonomy's content: importing the same one twice changes nothing."""
    digest = hashlib.sha256()
    for part in (taxonomy.skills, taxonomy.broader, taxonomy.related):
        digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()[:16]


async def load_taxonomy(
    db: Database,
    taxonomy: TaxonomyData,
    progress: ProgressCallback | None = None,
    *,
    complete: bool = False,
) -> list[PhaseResult]:
    """Writes the taxonomy's skills and relations. With `complete` (a whole taxonomy, as
    `talentgraph import taxonomy` loads), taxonomy skills it no longer holds are marked deprecated
    (never deleted: people and gigs keep their edges to them) and hierarchy or adjacency links
    between taxonomy skills that it no longer has are removed."""
    stamp = taxonomy_stamp(taxonomy)
    results = [
        await write_batches(
            db, "imports/upsert_skills", "skills", taxonomy.skills, progress, stamp=stamp
        ),
        await write_batches(
            db, "imports/upsert_broader", "broader", taxonomy.broader, progress, stamp=stamp
        ),
        await write_batches(
            db, "imports/upsert_related", "related", taxonomy.related, progress, stamp=stamp
        ),
    ]
    if complete:
        deprecated = await db.write("skills/deprecate_missing_skills", stamp=stamp)
        pruned = await db.write("imports/prune_taxonomy_relations", stamp=stamp)
        results.append(PhaseResult("deprecated skills", deprecated[0]["deprecated"]))
        results.append(PhaseResult("removed relations", pruned[0]["removed"]))
    return results


async def load_org(
    db: Database,
    org: OrgTables,
    *,
    full_people_export: bool = False,
    progress: ProgressCallback | None = None,
) -> list[PhaseResult]:
    """Writes `org`; with `full_people_export`, people absent from it are marked inactive."""
    # (query, phase, rows, concurrent batches): phases whose batches touch disjoint start nodes
    # run two at a time, which keeps both cores busy (Python packs one batch while Neo4j writes
    # the other); the rest run one at a time.
    # The people phase keys the people it creates in each batch's transaction; the skill phases
    # return the skills they touched, whose holder digests are written again once at the end (per
    # batch, a popular skill's thousands of holders would be read again for every batch).
    phases: list[tuple[str, str, Rows[object], int, str | None]] = [
        ("imports/upsert_custom_skills", "custom skills", org.custom_skills, 1, None),
        ("imports/upsert_departments", "departments", org.departments, 1, None),
        ("imports/link_department_parents", "department tree", org.department_tree, 1, None),
        ("imports/upsert_people", "people", org.people, 2, "imports/key_new_people"),
        ("imports/link_managers", "reporting lines", org.reporting_lines, 1, None),
        ("imports/upsert_person_skills", "person skills", org.person_skills, 2, None),
        ("imports/upsert_aspirations", "aspirations", org.aspirations, 2, None),
        ("imports/upsert_gigs", "gigs", org.gigs, 1, None),
        ("imports/upsert_gig_skills", "gig skills", org.gig_skills, 2, None),
        ("imports/upsert_engagements", "engagements", org.engagements, 1, None),
        (
            "imports/upsert_demonstrated_skills",
            "demonstrated skills",
            org.demonstrated_skills,
            1,
            None,
        ),
    ]
    results = [
        await write_batches(db, query, phase, rows, progress, concurrency=concurrency, then=then)
        for query, phase, rows, concurrency, then in phases
    ]
    began = time.perf_counter()
    digested = await refresh_holder_digests(
        db, sorted(set().union(*(r.skill_ids for r in results)))
    )
    results.append(PhaseResult("holder digests", digested, time.perf_counter() - began))
    if full_people_export and org.person_ids:
        await db.write("imports/deactivate_missing_people", ids=list(org.person_ids))
    return results


async def load_survey_history(
    db: Database, history: SurveyHistory, progress: ProgressCallback | None = None
) -> list[PhaseResult]:
    """Writes a generated survey history: rounds, then the answer counters and their tallies."""
    groups = history.group_rows()
    return [
        await write_batches(db, "surveys/upsert_rounds", "survey rounds", history.rounds, progress),
        await write_batches(db, "surveys/upsert_groups", "survey groups", groups, progress),
        await write_batches(
            db, "surveys/upsert_scores", "survey scores", history.score_rows(), progress
        ),
        await write_batches(
            db,
            "surveys/refresh_tallies",
            "survey tallies",
            [{"key": group["key"]} for group in groups],
            progress,
        ),
    ]
