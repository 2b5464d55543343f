"""The memory of `talentgraph import org` as the export grows: generated exports of growing size,
each imported (validated, then loaded) in a process of its own, whose peak RSS is measured.

    python -m benchmarks.import_memory [--people 2000 10000 40000] [--seed 7]

The import streams: validation keeps ids, the department and reporting trees and each file's
duplicate keys, and the loader reads the files again 10,000 rows at a time. "Flat" compares each
import's peak with the baseline of the same process, its RSS after importing the modules (the
import pipeline, the driver, the taxonomy code): the memory the import itself adds is the peak
less the baseline, next to the export's size on disk. The exports are imported one after
another, smallest first, each into a bench graph that holds only the shipped taxonomy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.common import bench_database, load_average
from seed.pipeline import generate_to_dir, import_org_dir, import_taxonomy
from seed.taxonomy import read_taxonomy

AS_OF = date(2026, 11, 1)
MB = 1024 * 1024


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS now, VmHWM its peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024 / MB
    raise LookupError(field)


async def import_once(folder: Path, baseline_mb: float) -> dict[str, float]:
    first_batch: list[float] = []

    def progress(phase: str, done: int, total: int) -> None:
        if not first_batch:  # validation is over when the first batch is written
            first_batch.append(time.perf_counter())

    async with bench_database() as db:
        began = time.perf_counter()
        export, results = await import_org_dir(db, folder, progress=progress)
        seconds = time.perf_counter() - began
    return {
        "baseline_mb": baseline_mb,
        "peak_mb": status_mb("VmHWM"),
        "seconds": seconds,
        "validate_seconds": first_batch[0] - began,
        "people": len(export.people),
        "rows": sum(result.rows for result in results),
    }


def measure(folder: Path) -> dict[str, float]:
    """Imports `folder` in a fresh Python process and returns what it measured of itself."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.import_memory", "--child", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the import of {folder} failed:\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def export_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.glob("*.csv"))


async def prepare() -> None:
    async with bench_database() as db:
        await db.write_in_batches("admin/clear_graph")
        await import_taxonomy(db)


def run(sizes: list[int], seed: int) -> None:
    print(f"import_memory: exports of {', '.join(f'{n:,}' for n in sizes)} people, seed {seed}")
    print(f"  {load_average()}", flush=True)
    taxonomy = read_taxonomy()
    rows: list[tuple[int, int, dict[str, float]]] = []
    print(
        f"  {'people':>8} {'export MB':>10} {'rows':>11} {'import s':>9} {'validate s':>11} "
        f"{'baseline MB':>12} "
        f"{'peak RSS MB':>12} {'peak - baseline':>16}"
    )
    for people in sorted(sizes):
        with tempfile.TemporaryDirectory(prefix="talentgraph-bench-memory-") as name:
            folder = Path(name)
            generate_to_dir(taxonomy, folder, people=people, seed=seed, as_of=AS_OF)
            size = export_bytes(folder)
            asyncio.run(prepare())
            figures = measure(folder)
        rows.append((people, size, figures))
        print(
            f"  {people:>8,} {size / MB:>10.1f} {int(figures['rows']):>11,} "
            f"{figures['seconds']:>9.1f} {figures['validate_seconds']:>11.1f} "
            f"{figures['baseline_mb']:>12.0f} "
            f"{figures['peak_mb']:>12.0f} {figures['peak_mb'] - figures['baseline_mb']:>16.0f}",
            flush=True,
        )
    (small, small_bytes, low), (large, large_bytes, high) = rows[0], rows[-1]
    low_added = low["peak_mb"] - low["baseline_mb"]
    high_added = high["peak_mb"] - high["baseline_mb"]
    print(
        f"  largest / smallest: export x{large_bytes / small_bytes:.1f} "
        f"({large:,} / {small:,} people), peak RSS x{high['peak_mb'] / low['peak_mb']:.2f}, "
        f"peak above baseline x{high_added / low_added:.2f}"
    )
    print(
        f"  largest export: {large_bytes / MB:.1f} MB read, peak {high_added:.0f} MB above the "
        f"baseline ({high_added * MB / large_bytes:.2f} bytes of memory per byte of export)"
    )
    print(f"  {load_average()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, nargs="+", default=[2_000, 10_000, 40_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        baseline = status_mb("VmRSS")  # the modules are imported: what "flat" compares with
        print(json.dumps(asyncio.run(import_once(args.child, baseline))))
        return
    if len(args.people) < 2:
        parser.error("give at least two sizes")
    run(args.people, args.seed)


if __name__ == "__main__":
    main()
