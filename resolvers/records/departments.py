"""Departments as the domain hands them over."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Row


@dataclass(frozen=True)
class DepartmentRecord:
    id: str
    name: str

    @classmethod
    def from_row(cls, row: Row) -> DepartmentRecord:
        return cls(id=str(row["id"]), name=row.get("name") or "")
