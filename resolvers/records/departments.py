"""Departments as the domain hands them over."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Row
from resolvers.records import NOT_FETCHED, Fetched, fetched, optional


@dataclass(frozen=True)
class DepartmentRecord:
    """A department's properties, and its parent when its query fetched it (a list of every
    department does, so that a tree drawn from it costs no query per department)."""

    id: str
    name: str
    parent: Fetched[DepartmentRecord | None] = NOT_FETCHED

    @classmethod
    def from_row(cls, row: Row) -> DepartmentRecord:
        return cls(
            id=str(row["id"]),
            name=row.get("name") or "",
            parent=fetched(row, "parent", optional(DepartmentRecord.from_row)),
        )

    @classmethod
    def listed(cls, rows: list[Row]) -> list[DepartmentRecord]:
        """The departments of a query's one-row `departments` list (none without a row)."""
        return [cls.from_row(row) for row in rows[0]["departments"]] if rows else []
