"""The graph's schema (constraints and indexes), applied idempotently from `cypher/schema/`, with
the data the service needs there: the default surveys and the survey groups' tallies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.database import Database
from graph.queries import cypher, names_under

_NAME = re.compile(r"CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+)")
REFERENCE_DATA = ("surveys/default_surveys",)
"""Data the service needs to exist, created once and never overwritten (admins edit it)."""
TALLY_BATCH = 1000
DIGEST_BATCH = 200
"""Skills per transaction when holder digests are written again in bulk (a popular skill has
thousands of holders)."""


def schema_statements() -> list[str]:
    return names_under("schema")


def expected_names() -> set[str]:
    return {match.group(1) for name in schema_statements() if (match := _NAME.search(cypher(name)))}


async def apply_schema(db: Database) -> list[str]:
    """Creates whatever is missing (every statement says IF NOT EXISTS, the reference data is
    merged); returns what ran."""
    for name in schema_statements():
        await db.write(name)
    await db.write("admin/backfill_email_keys")
    await db.write("admin/backfill_gig_capacity_hours")
    await db.write("imports/key_new_people")
    await refresh_holder_digests(db, (await db.read("skills/undigested_skills"))[0]["ids"])
    await db.write("admin/await_indexes")
    await ensure_reference_data(db)
    await refresh_pulse_tallies(db)
    return schema_statements()


async def ensure_reference_data(db: Database) -> None:
    """The default surveys, for a graph that was just cleared or seeded."""
    for name in REFERENCE_DATA:
        await db.write(name)


async def refresh_pulse_tallies(db: Database, keys: Sequence[str] | None = None) -> int:
    """Computes the tallies of the survey groups `keys` again from their per-question counters
    (`surveys/refresh_tallies`, one transaction per batch); `keys` None: the groups that hold
    answers but no tally yet, which is none once a graph is migrated. Returns how many."""
    if keys is None:
        keys = (await db.read("surveys/group_keys", untallied_only=True))[0]["keys"]
    for start in range(0, len(keys), TALLY_BATCH):
        rows = [{"key": key} for key in keys[start : start + TALLY_BATCH]]
        await db.write("surveys/refresh_tallies", rows=rows)
    return len(keys)


async def refresh_holder_digests(db: Database, skill_ids: Sequence[str]) -> int:
    """Writes the holder digests of `skill_ids` again from their HAS_SKILL edges
    (`skills/refresh_holder_digests`, one transaction per batch): after a bulk import, and for
    graphs from before digests existed. Returns how many skills were refreshed."""
    for start in range(0, len(skill_ids), DIGEST_BATCH):
        batch = list(skill_ids[start : start + DIGEST_BATCH])
        await db.write("skills/refresh_holder_digests", skill_ids=batch)
    return len(skill_ids)


async def schema_ready(db: Database) -> bool:
    rows = await db.read("admin/schema_names")
    return expected_names() <= set(rows[0]["names"])
