"""Runs every benchmark, in the order that re-uses the generated organisations best, and keeps
each one's output in benchmarks/results/<name>.txt.

    python -m benchmarks
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RESULTS = Path(__file__).parent / "results"

RUNS: list[tuple[str, list[str]]] = [
    ("import_memory", []),  # first: it clears the graph for each export it imports
    ("import_org", ["--people", "100000", "--reimport"]),
    ("analytics_dashboard", ["--people", "100000"]),
    ("matching_speed", ["--people", "100000", "10000"]),
    ("gig_list", ["--people", "10000", "100000"]),
    ("skill_search", ["--people", "100000"]),
    ("api_people_page", ["--people", "10000"]),
    ("load_mix", ["--people", "10000", "--seconds", "90"]),
    ("fault_tolerance", ["--people", "10000"]),
    ("web_screens", ["--people", "10000"]),
    ("notification_delivery", ["--people", "2000"]),
    ("skill_suggestions", []),
    ("adjacency_quality", []),
    ("matching_quality", []),  # last: it replaces the generated organisation with its own
]


def main() -> int:
    RESULTS.mkdir(exist_ok=True)
    for name, args in RUNS:
        print(f"== benchmarks.{name} {' '.join(args)}", flush=True)
        with (RESULTS / f"{name}.txt").open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", f"benchmarks.{name}", *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            assert process.stdout is not None
            for line in process.stdout:
                print(line, end="", flush=True)
                out.write(line)
            if process.wait() != 0:
                print(f"benchmarks.{name} failed with code {process.returncode}")
                return process.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
