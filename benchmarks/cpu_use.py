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
class Run:
    """What one measurement took: its latencies, its wall time and the CPU seconds each party
    spent over it (the machine's in all); runs of the same figure add up."""

    samples_ms: list[float]
    elapsed_s: float
    service_s: float
    neo4j_s: float | None
    client_s: float
    machine_s: float

    @classmethod
    def between(
        cls,
        before: Clocks,
        after: Clocks,
        samples_ms: list[float],
        elapsed_s: float,
        client_s: float,
    ) -> Run:
        return cls(
            samples_ms,
            elapsed_s,
            after.service_s - before.service_s,
            after.neo4j_s - before.neo4j_s if after.neo4j_s else None,
            client_s,
            after.machine_s - before.machine_s,
        )

    def __add__(self, other: Run) -> Run:
        neo4j = (
            None if self.neo4j_s is None or other.neo4j_s is None else self.neo4j_s + other.neo4j_s
        )
        return Run(
            self.samples_ms + other.samples_ms,
            self.elapsed_s + other.elapsed_s,
            self.service_s + other.service_s,
            neo4j,
            self.client_s + other.client_s,
            self.machine_s + other.machine_s,
        )

    @property
    def rate(self) -> float:
        """Requests per second."""
        return len(self.samples_ms) / self.elapsed_s

    def cpu(self) -> CpuUse:
        requests = len(self.samples_ms)
        others = self.machine_s - self.service_s - (self.neo4j_s or 0.0) - self.client_s
        return CpuUse(
            self.service_s * 1000 / requests,
            self.neo4j_s * 1000 / requests if self.neo4j_s is not None else None,
            self.client_s * 1000 / requests,
            max(0.0, others / self.elapsed_s),
        )


@dataclass(frozen=True)
class CpuUse:
    """CPU milliseconds per request of each party over one measurement, and the cores the rest
    of the machine took meanwhile."""

    service_ms: float
    neo4j_ms: float | None
    client_ms: float
    others_cores: float

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
