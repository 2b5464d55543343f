"""Who used the cores during a measurement: CPU seconds of processes (from /proc) and of the
whole machine, so that a throughput figure comes with what it cost each party (the service, Neo4j,
the client) and with what the machine's other load left of the cores."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 once it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def children(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in listed.split()]


def tree_cpu_s(pid: int) -> float:
    """CPU seconds of a process and every process below it (uvicorn and its workers)."""
    return process_cpu_s(pid) + sum(tree_cpu_s(child) for child in children(pid))


def machine_busy_s() -> float:
    """CPU seconds every core of the machine spent busy so far (not idle, not waiting on I/O)."""
    # user nice system idle iowait irq softirq steal
    ticks = [int(value) for value in Path("/proc/stat").read_text().split()[1:9]]
    busy = sum(ticks[:3]) + sum(ticks[5:])
    return busy / TICK


@dataclass(frozen=True)
class Clocks:
    """A reading of the clocks a measurement compares."""

    service_s: float
    neo4j_s: float
    machine_s: float

    @classmethod
    def read(cls, service_pid: int | None, neo4j_pid: int | None) -> Clocks:
        return cls(
            tree_cpu_s(service_pid) if service_pid else 0.0,
            process_cpu_s(neo4j_pid) if neo4j_pid else 0.0,
            machine_busy_s(),
        )


@dataclass(frozen=True)
class CpuUse:
    """CPU milliseconds per request of each party over one measurement, and the cores the rest
    of the machine took meanwhile."""

    service_ms: float
    neo4j_ms: float | None
    client_ms: float
    others_cores: float

    @classmethod
    def between(
        cls, before: Clocks, after: Clocks, client_s: float, requests: int, elapsed_s: float
    ) -> CpuUse:
        service, neo4j = after.service_s - before.service_s, after.neo4j_s - before.neo4j_s
        others = after.machine_s - before.machine_s - service - neo4j - client_s
        return cls(
            service * 1000 / requests,
            neo4j * 1000 / requests if after.neo4j_s else None,
            client_s * 1000 / requests,
            max(0.0, others / elapsed_s),
        )

    def bound_rps(self, workers: int, cores: float) -> float:
        """The most requests a second these costs allow on `cores` cores shared by the
        service, Neo4j and the client, with `workers` service processes of one core each."""
        total_ms = self.service_ms + (self.neo4j_ms or 0.0) + self.client_ms
        shared = cores * 1000 / total_ms if total_ms else float("inf")
        return min(shared, workers * 1000 / self.service_ms) if self.service_ms else shared

    def free_cores(self) -> float:
        """The cores the machine's other load left."""
        return max(0.0, (os.cpu_count() or 1) - self.others_cores)

    def line(self) -> str:
        neo4j = f"{self.neo4j_ms:5.2f}" if self.neo4j_ms is not None else "  n/a"
        return (
            f"CPU per request: service {self.service_ms:6.2f} ms, Neo4j {neo4j} ms, "
            f"client {self.client_ms:5.2f} ms; other load {self.others_cores:.2f} cores"
        )
