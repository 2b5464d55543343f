"""Admin operations through the API: importing a small HRIS export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from graph.errors import ValidationFailed
from resolvers.context import Context
from resolvers.permissions import require_admin
from seed.loader import PhaseResult, load_org
from seed.org_import import FILES, ImportInvalid, read_org_dir

MAX_IMPORT_BYTES = 2_000_000
MAX_ISSUES_SHOWN = 20


async def import_org(ctx: Context, files: dict[str, str]) -> list[PhaseResult]:
    """Imports export files (name → CSV text) through the same validation and write path as
    `talentgraph import org`. Every file is validated before anything is written; the writes are
    the import's idempotent upserts, so a retry after a database failure completes the import."""
    require_admin(ctx.viewer, "run imports")
    if not files:
        raise ValidationFailed("files", "no files given")
    unknown = sorted(set(files) - set(FILES))
    if unknown:
        raise ValidationFailed("files", f"unknown files {unknown}; an export holds {list(FILES)}")
    if sum(len(text.encode()) for text in files.values()) > MAX_IMPORT_BYTES:
        raise ValidationFailed(
            "files", f"at most {MAX_IMPORT_BYTES:,} bytes; use `talentgraph import` for more"
        )
    with tempfile.TemporaryDirectory(prefix="talentgraph-import-") as folder:
        for name, text in files.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        try:
            org = await read_org_dir(ctx.db, Path(folder))
        except ImportInvalid as error:
            shown = "; ".join(str(issue) for issue in error.issues[:MAX_ISSUES_SHOWN])
            more = len(error.issues) - MAX_ISSUES_SHOWN
            raise ValidationFailed(
                "files", shown + (f"; and {more} more" if more > 0 else "")
            ) from error
        return await load_org(ctx.db, org)  # reads the files again, batch by batch
