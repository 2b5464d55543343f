"""HRIS exports (a folder of CSV files) in and out.

`read_org_dir` validates whichever import files a folder holds, every row against the files and
against what the graph already holds, and returns a `ValidatedExport` for `seed.loader`, or
raises `ImportInvalid` listing every problem as `file:line: message` (header = line 1). Nothing is
written before everything is valid. Files are streamed, never read whole: validation keeps only
what the checks across files need, and the loader reads each file again, batch by batch, through
the same rules. `write_org_dir` writes an `OrgData` in the same format (the demo generator's
output), skills by id.
"""

from __future__ import annotations

import asyncio
import csv
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from graph import limits
from graph.addresses import slack_member_id, teams_user
from graph.database import Database
from graph.errors import ValidationFailed
from graph.vocabulary import (
    EngagementStatus,
    GigStatus,
    GigType,
    Importance,
    Visibility,
    values,
)
from seed.org import (
    AspirationRow,
    CustomSkillRow,
    DemonstratedSkillRow,
    DepartmentRow,
    EngagementRow,
    GigRow,
    GigSkillRow,
    Link,
    OrgData,
    PersonRow,
    PersonSkillRow,
)
from seed.skill_index import SkillIndex, SkillName

if TYPE_CHECKING:
    from _csv import Reader

    from _typeshed import DataclassInstance

Parser = Callable[[str], Any]


def _text(value: str) -> str:
    return value


def _optional(value: str) -> str | None:
    return value or None


def _aliases(value: str) -> tuple[str, ...]:
    return tuple(alias.strip() for alias in value.split("|") if alias.strip())


def _integer(low: int, high: int) -> Parser:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise ValueError(f"{number} is out of range {low} to {high}")
        return number

    return parse


def _number(low: float, high: float) -> Parser:
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
        if not low <= number <= high:
            raise ValueError(f"{value} is out of range {low:g} to {high:g}")
        return number

    return parse


def _boolean(value: str) -> bool:
    key = value.strip().lower()
    if key in {"true", "yes", "1", "y"}:
        return True
    if key in {"false", "no", "0", "n"}:
        return False
    raise ValueError(f"{value!r} is not true or false")


def _choice(vocabulary: type[StrEnum]) -> Parser:
    """A cell naming a member of `vocabulary` (by its stored value)."""
    options = values(vocabulary)

    def parse(value: str) -> StrEnum:
        if value not in options:
            raise ValueError(f"{value!r} is not one of {', '.join(options)}")
        return vocabulary(value)

    return parse


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _datetime(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a timestamp (ISO 8601)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Column:
    name: str
    parse: Parser = _text
    required: bool = False
    """The column must be in the header and every cell filled."""
    default: Any = None
    """The value of an empty cell or an absent optional column."""
    longest: int = limits.IMPORT_CELL
    """The most characters a cell may hold: a longer one is a broken export, not a value."""


FILES: dict[str, tuple[Column, ...]] = {
    "skills.csv": (
        Column("id", required=True),
        Column("label", required=True, longest=limits.SHORT_TEXT),
        Column("aliases", _aliases, default=(), longest=limits.ALIASES),
        Column("broader", _optional),
    ),
    "departments.csv": (
        Column("id", required=True),
        Column("name", required=True, longest=limits.SHORT_TEXT),
        Column("parent_id", _optional),
    ),
    "people.csv": (
        Column("id", required=True),
        Column("name", required=True, longest=limits.SHORT_TEXT),
        Column("email", required=True, longest=limits.EMAIL),
        Column("department_id", required=True),
        Column("manager_id", _optional),
        Column("title", default="", longest=limits.SHORT_TEXT),
        Column("location", default="", longest=limits.SHORT_TEXT),
        Column("weekly_hours", _number(1, 80), default=40.0),
        Column("gig_capacity_pct", _number(0, 100), default=20.0),
        Column("slack_id", slack_member_id),
        Column("teams_id", teams_user),
    ),
    "person_skills.csv": (
        Column("person_id", required=True),
        Column("skill", required=True),
        Column("proficiency", _integer(1, 5), required=True),
        Column("validated", _boolean, default=False),
    ),
    "aspirations.csv": (
        Column("person_id", required=True),
        Column("skill", required=True),
        Column("interest", _integer(1, 3), default=2),
        Column("visibility", _choice(Visibility), default=Visibility.MATCHING),
    ),
    "gigs.csv": (
        Column("id", required=True),
        Column("title", required=True, longest=limits.SHORT_TEXT),
        Column("description", default="", longest=limits.DESCRIPTION),
        Column("type", _choice(GigType), default=GigType.PROJECT),
        Column("owner_id", required=True),
        Column("department_id", required=True),
        Column("hours_per_week", _number(0.5, 40), default=4.0),
        Column("duration_weeks", _integer(1, 104), default=4),
        Column("start_date", _date),
        Column("seats", _integer(1, 100), default=1),
        Column("status", _choice(GigStatus), default=GigStatus.OPEN),
        Column("external_hourly_rate", _number(0, 10_000), default=0.0),
        Column("created_at", _datetime),
        Column("published_at", _datetime),
        Column("filled_at", _datetime),
        Column("completed_at", _datetime),
        Column("location", default=""),
        Column("remote", _boolean, default=False),
        Column("application_deadline", _date),
    ),
    "gig_skills.csv": (
        Column("gig_id", required=True),
        Column("skill", required=True),
        Column("min_proficiency", _integer(1, 5), default=3),
        Column("importance", _choice(Importance), default=Importance.REQUIRED),
    ),
    "engagements.csv": (
        Column("id", required=True),
        Column("gig_id", required=True),
        Column("person_id", required=True),
        Column("status", _choice(EngagementStatus), default=EngagementStatus.ACTIVE),
        Column("hours_per_week", _number(0.5, 40), default=4.0),
        Column("started_at", _datetime),
        Column("completed_at", _datetime),
        Column("hours_worked", _number(0, 10_000)),
        Column("rating", _integer(1, 5)),
        Column("feedback", _optional, longest=limits.FEEDBACK),
        Column("approver_id", _optional),
        Column("approval_requested_at", _datetime),
        Column("approval_decided_at", _datetime),
    ),
    "engagement_skills.csv": (
        Column("engagement_id", required=True),
        Column("skill", required=True),
        Column("level", _integer(1, 5), required=True),
    ),
}


@dataclass(frozen=True)
class Issue:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ImportInvalid(ValidationFailed):
    """The export breaks rules; `issues` lists all of them. Nothing was written."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("import", f"{len(issues)} problem(s) in the export")
        self.issues = issues


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


Report = Callable[[Issue], None]


def _ignore(issue: Issue) -> None:
    """The sink of a scan whose issues another scan of the same file reports."""


@dataclass
class _File:
    """One file of the export, read as often as the checks and the loader need: each read
    streams it row by row, and a file that changed since its first read is refused."""

    name: str
    path: Path | None
    """None: the export has no such file (it reads as no rows)."""
    columns: tuple[Column, ...]
    broken: bool = False
    """Not UTF-8 or not valid CSV: its rows count for nothing."""
    stamp: tuple[int, int] | None = None

    def rows(self, report: Report) -> Iterator[Row]:
        """The rows whose cells all parse; `report` gets every problem. The CSV is parsed
        strictly: a stray or unclosed quote is an error at the line where its row begins, never
        a cell that swallows the lines after it."""
        if self.path is None or self.broken:
            return
        with self.path.open(encoding="utf-8-sig", newline="") as handle:
            status = os.fstat(handle.fileno())
            stamp = (status.st_size, status.st_mtime_ns)
            if self.stamp is not None and stamp != self.stamp:
                raise ImportInvalid(
                    [Issue(self.name, 0, "changed while it was imported; import it again")]
                )
            self.stamp = stamp
            rows = _Rows(csv.reader(handle, strict=True))
            try:
                yield from _read_rows(self.name, rows, self.columns, report)
            except UnicodeDecodeError as error:
                self.broken = True
                report(Issue(self.name, 0, f"not UTF-8 text ({error.reason})"))
            except csv.Error as error:
                self.broken = True
                report(
                    Issue(
                        self.name,
                        rows.line,
                        f"not valid CSV ({error}); is a quote unclosed or stray in this row?",
                    )
                )


class _Rows:
    """A CSV reader that knows the line each row begins on (the reader counts where it ends)."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.line = 1

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        self.line = self.reader.line_num + 1
        return next(self.reader)


def _read_rows(
    name: str, reader: _Rows, columns: tuple[Column, ...], report: Report
) -> Iterator[Row]:
    known = {column.name: column for column in columns}
    header = [cell.strip() for cell in next(reader, [])]
    problems = [
        f"unknown column {cell!r} (this file takes: {', '.join(known)})"
        for cell in header
        if cell not in known
    ]
    problems += [
        f"missing column {column.name!r}"
        for column in columns
        if column.required and column.name not in header
    ]
    problems += [f"column {cell!r} appears twice" for cell in set(header) if header.count(cell) > 1]
    if problems:
        for problem in problems:
            report(Issue(name, 1, problem))
        return
    absent = [column for column in columns if column.name not in header]
    for cells in reader:
        if not any(cells):
            continue
        line = reader.line
        if len(cells) != len(header):
            report(Issue(name, line, f"{len(cells)} cells for {len(header)} columns"))
            continue
        values: dict[str, Any] = {column.name: column.default for column in absent}
        valid = True
        for cell, column_name in zip(cells, header, strict=True):
            column = known[column_name]
            cell = cell.strip()
            if len(cell) > column.longest:
                report(
                    Issue(
                        name,
                        line,
                        f"{column.name}: {len(cell):,} characters; at most {column.longest:,}",
                    )
                )
                valid = False
                continue
            if not cell:
                if column.required:
                    report(Issue(name, line, f"{column.name} is empty"))
                    valid = False
                values[column.name] = column.default
                continue
            try:
                values[column.name] = column.parse(cell)
            except ValueError as error:
                report(Issue(name, line, f"{column.name}: {error}"))
                valid = False
        if valid:
            yield Row(line, values)


@dataclass
class GraphState:
    """What the graph already holds that an export may refer to."""

    department_parents: dict[str, str | None] = field(default_factory=dict)
    managers: dict[str, str | None] = field(default_factory=dict)
    email_owners: dict[str, str] = field(default_factory=dict)
    """Who holds each (lower-case) e-mail address: one address is one person."""
    gigs: set[str] = field(default_factory=set)
    engagements: set[str] = field(default_factory=set)
    skills: SkillIndex = field(default_factory=lambda: SkillIndex(()))
    custom_skills: set[str] = field(default_factory=set)

    @classmethod
    async def read(cls, db: Database) -> GraphState:
        skill_rows = await db.read("skills/skill_names")
        reporting = await db.read("imports/reporting_lines")
        return cls(
            department_parents={
                department["id"]: department["parent_id"]
                for department in (await db.read("departments/department_tree"))[0]["departments"]
            },
            managers={row["id"]: row["manager_id"] for row in reporting},
            email_owners={row["email_key"]: row["id"] for row in reporting if row["email_key"]},
            gigs={row["id"] for row in await db.read("imports/gig_ids")},
            engagements={row["id"] for row in await db.read("imports/engagement_ids")},
            skills=SkillIndex.from_rows(skill_rows),
            custom_skills={row["id"] for row in skill_rows if row["custom"]},
        )


def _cycles(parents: Mapping[str, str | None], starts: Iterable[str]) -> set[str]:
    """The ids among `starts` that sit on a cycle of `parents` links."""
    on_cycle: set[str] = set()
    for start in starts:
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node not in seen:
            seen.add(node)
            node = parents.get(node)
        if node == start:
            on_cycle.add(start)
    return on_cycle


MAX_SUGGESTIONS = 50
"""Unknown skills get a "did you mean" for the first this many; a file with thousands of them is
wrong as a whole, and each suggestion is a search over every label."""

Key = str | tuple[str, str]


class _Validator:
    """The rules of an export, file by file. Each file's rules are a generator from its parsed
    rows to the loader's typed rows (`_skills`, `_departments`, `_people`, …), written once and
    run twice: validation runs it over every file and drops the rows, keeping only what the
    checks across files need (ids, the department and reporting trees); once everything is
    valid the loader runs it again, batch by batch, for the rows it writes."""

    def __init__(self, state: GraphState) -> None:
        self.state = state
        self.issues: list[Issue] = []
        self.report: Report = self.issues.append
        self._resolved: dict[str, str | LookupError] = {}
        self._unknown = 0
        # what the export adds to the graph's ids and trees, for the checks across files
        self.own_skills: set[str] = set()
        self.broader_of: dict[str, str | None] = {}
        self.parents = dict(state.department_parents)
        self.department_ids: list[str] = []
        self.managers = dict(state.managers)
        self.person_ids: list[str] = []
        self.gigs = set(state.gigs)
        self.engagements = set(state.engagements)
        self.skill_cycles: set[str] = set()
        self.department_cycles: set[str] = set()
        self.reporting_cycles: set[str] = set()

    def issue(self, file: str, row: Row, message: str) -> None:
        self.report(Issue(file, row.line, message))

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """A scan that only gathers facts: the checking scan of the same file reports."""
        report, self.report = self.report, _ignore
        try:
            yield
        finally:
            self.report = report

    def unique(
        self, file: str, rows: Iterable[Row], key: Callable[[Row], Key], what: str
    ) -> Iterator[Row]:
        """The rows whose key comes first; a pair of names is kept as one number, not two
        strings, so the keys of a million-row file stay small."""
        first_line: dict[str | int, int] = {}
        numbers: dict[str, int] = {}
        for row in rows:
            value = key(row)
            compact: str | int = value if isinstance(value, str) else (
                numbers.setdefault(value[0], len(numbers)) << 32
                | numbers.setdefault(value[1], len(numbers))
            )  # fmt: skip
            line = first_line.setdefault(compact, row.line)
            if line == row.line:
                yield row
            else:
                self.issue(file, row, f"duplicate {what} (first on line {line})")

    def skill(self, file: str, row: Row, column: str = "skill") -> str | None:
        value = row[column]
        if value not in self._resolved:
            try:
                self._resolved[value] = self.state.skills.resolve(
                    value, suggest=self._unknown < MAX_SUGGESTIONS
                )
            except LookupError as error:
                self._resolved[value] = error
                self._unknown += 1
        resolved = self._resolved[value]
        if isinstance(resolved, LookupError):
            self.issue(file, row, f"{column}: {resolved.args[0]}")
            return None
        return resolved

    def known(
        self, file: str, row: Row, column: str, ids: Mapping[str, Any] | set[str], what: str
    ) -> bool:
        value = row[column]
        if value is None or value in ids:
            return True
        self.issue(file, row, f"{column}: unknown {what} {value!r}")
        return False

    # skills.csv: the organisation's own skills, resolvable by the files that follow

    def _unique_skills(self, rows: Iterable[Row]) -> Iterator[Row]:
        return self.unique("skills.csv", rows, lambda r: r["id"], "skill id")

    def _add_skills(self, rows: Iterable[Row]) -> None:
        for row in self._unique_skills(rows):
            taken = self.state.skills.ids.get(row["id"].lower())
            if taken is None or taken in self.state.custom_skills:
                names = (row["label"].lower(), *(alias.lower() for alias in row["aliases"]))
                self.state.skills.add(SkillName(row["id"], row["label"], names))
                self.own_skills.add(row["id"])

    def _skill_tree(self, rows: Iterable[Row]) -> None:
        for row in self._unique_skills(rows):
            broader = self.skill("skills.csv", row, "broader") if row["broader"] else None
            if not row["broader"] or broader is not None:
                self.broader_of[row["id"]] = broader
        self.skill_cycles = _cycles(self.broader_of, self.broader_of)

    def _skills(self, rows: Iterable[Row]) -> Iterator[CustomSkillRow]:
        for row in self._unique_skills(rows):
            if row["id"] not in self.own_skills:
                self.issue("skills.csv", row, f"id {row['id']!r} is a taxonomy skill's id")
            broader = self.skill("skills.csv", row, "broader") if row["broader"] else None
            if row["broader"] and broader is None:
                continue
            if row["id"] in self.skill_cycles:
                self.issue("skills.csv", row, f"broader: skill {row['id']!r} ends up under itself")
            yield CustomSkillRow(row["id"], row["label"], row["aliases"], broader)

    # departments.csv

    def _unique_departments(self, rows: Iterable[Row]) -> Iterator[Row]:
        return self.unique("departments.csv", rows, lambda r: r["id"], "department id")

    def _department_tree(self, rows: Iterable[Row]) -> None:
        for row in self._unique_departments(rows):
            self.parents[row["id"]] = row["parent_id"]
            self.department_ids.append(row["id"])
        self.department_cycles = _cycles(self.parents, self.department_ids)

    def _departments(self, rows: Iterable[Row]) -> Iterator[DepartmentRow]:
        for row in self._unique_departments(rows):
            if self.known("departments.csv", row, "parent_id", self.parents, "department"):
                if row["id"] in self.department_cycles:
                    self.issue(
                        "departments.csv",
                        row,
                        f"parent_id: department {row['id']!r} ends up inside itself",
                    )
                yield DepartmentRow(row["id"], row["name"], row["parent_id"])

    # people.csv

    def _unique_people(self, rows: Iterable[Row]) -> Iterator[Row]:
        return self.unique(
            "people.csv",
            self.unique("people.csv", rows, lambda r: r["id"], "person id"),
            lambda r: r["email"].lower(),
            "email",
        )

    def _reporting_tree(self, rows: Iterable[Row]) -> None:
        for row in self._unique_people(rows):
            self.managers[row["id"]] = row["manager_id"]
            self.person_ids.append(row["id"])
        self.reporting_cycles = _cycles(self.managers, self.person_ids)

    def _people(self, rows: Iterable[Row]) -> Iterator[PersonRow]:
        for row in self._unique_people(rows):
            owner = self.state.email_owners.get(row["email"].lower(), row["id"])
            if "@" not in row["email"]:
                self.issue("people.csv", row, f"email: {row['email']!r} is not an email address")
            elif owner != row["id"]:  # even if the export moves the owner: one address, one person
                self.issue(
                    "people.csv",
                    row,
                    f"email: {row['email']!r} belongs to {owner!r}; change theirs first",
                )
            in_department = self.known(
                "people.csv", row, "department_id", self.parents, "department"
            )
            has_manager = self.known("people.csv", row, "manager_id", self.managers, "manager")
            if row["manager_id"] == row["id"] or row["id"] in self.reporting_cycles:
                self.issue(
                    "people.csv", row, f"manager_id: {row['id']!r} ends up reporting to themselves"
                )
            elif in_department and has_manager:
                yield PersonRow(**{f.name: row[f.name] for f in fields(PersonRow)})

    # person_skills.csv and aspirations.csv

    def _person_skills(self, rows: Iterable[Row]) -> Iterator[PersonSkillRow]:
        name = "person_skills.csv"
        for row in self.unique(
            name, rows, lambda r: (r["person_id"], r["skill"].lower()), "person and skill"
        ):
            skill_id = self.skill(name, row)
            if self.known(name, row, "person_id", self.managers, "person") and skill_id:
                yield PersonSkillRow(
                    row["person_id"], skill_id, row["proficiency"], row["validated"]
                )

    def _aspirations(self, rows: Iterable[Row]) -> Iterator[AspirationRow]:
        name = "aspirations.csv"
        for row in self.unique(
            name, rows, lambda r: (r["person_id"], r["skill"].lower()), "person and skill"
        ):
            skill_id = self.skill(name, row)
            if self.known(name, row, "person_id", self.managers, "person") and skill_id:
                yield AspirationRow(row["person_id"], skill_id, row["interest"], row["visibility"])

    # gigs.csv and gig_skills.csv

    def _gigs(self, rows: Iterable[Row]) -> Iterator[GigRow]:
        for row in self.unique("gigs.csv", rows, lambda r: r["id"], "gig id"):
            self.gigs.add(row["id"])
            owner = self.known("gigs.csv", row, "owner_id", self.managers, "person")
            department = self.known("gigs.csv", row, "department_id", self.parents, "department")
            if owner and department:
                yield GigRow(**{f.name: row[f.name] for f in fields(GigRow)})

    def _gig_skills(self, rows: Iterable[Row]) -> Iterator[GigSkillRow]:
        name = "gig_skills.csv"
        for row in self.unique(
            name, rows, lambda r: (r["gig_id"], r["skill"].lower()), "gig and skill"
        ):
            skill_id = self.skill(name, row)
            if self.known(name, row, "gig_id", self.gigs, "gig") and skill_id:
                yield GigSkillRow(
                    row["gig_id"], skill_id, row["min_proficiency"], row["importance"]
                )

    # engagements.csv and engagement_skills.csv

    def _engagements(self, rows: Iterable[Row]) -> Iterator[EngagementRow]:
        name = "engagements.csv"
        for row in self.unique(name, rows, lambda r: r["id"], "engagement id"):
            self.engagements.add(row["id"])
            gig = self.known(name, row, "gig_id", self.gigs, "gig")
            person = self.known(name, row, "person_id", self.managers, "person")
            approver = self.known(name, row, "approver_id", self.managers, "person")
            started, completed = row["started_at"], row["completed_at"]
            if started and completed and completed < started:
                self.issue(name, row, "completed_at is before started_at")
            elif gig and person and approver:
                yield EngagementRow(**{f.name: row[f.name] for f in fields(EngagementRow)})

    def _demonstrated_skills(self, rows: Iterable[Row]) -> Iterator[DemonstratedSkillRow]:
        name = "engagement_skills.csv"
        for row in self.unique(
            name, rows, lambda r: (r["engagement_id"], r["skill"].lower()), "engagement and skill"
        ):
            skill_id = self.skill(name, row)
            if self.known(name, row, "engagement_id", self.engagements, "engagement") and skill_id:
                yield DemonstratedSkillRow(row["engagement_id"], skill_id, row["level"])

    def gatherers(self, name: str) -> tuple[Callable[[Iterable[Row]], None], ...]:
        """The scans a file needs before its rules run: the facts its rows refer to further down
        the same file (a skill's broader skill, a parent department, a manager)."""
        return {
            "skills.csv": (self._add_skills, self._skill_tree),
            "departments.csv": (self._department_tree,),
            "people.csv": (self._reporting_tree,),
        }.get(name, ())

    def rules(self, name: str) -> Callable[[Iterable[Row]], Iterator[object]]:
        rules: dict[str, Callable[[Iterable[Row]], Iterator[object]]] = {
            "skills.csv": self._skills,
            "departments.csv": self._departments,
            "people.csv": self._people,
            "person_skills.csv": self._person_skills,
            "aspirations.csv": self._aspirations,
            "gigs.csv": self._gigs,
            "gig_skills.csv": self._gig_skills,
            "engagements.csv": self._engagements,
            "engagement_skills.csv": self._demonstrated_skills,
        }
        return rules[name]


T = TypeVar("T")


class _Table(Generic[T]):
    """Rows the loader reads as a stream: `stream()` anew on every iteration."""

    def __init__(self, count: int, stream: Callable[[], Iterator[T]]) -> None:
        self.count = count
        self.stream = stream

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[T]:
        return self.stream()


class ValidatedExport:
    """An export every file of which passed validation, as the loader's tables (`OrgTables`).
    A table reads its file again as it is iterated, through the same rules, so no file is ever
    whole in memory; a row that is not valid any more (the file changed) raises `ImportInvalid`
    instead of being written."""

    def __init__(self, check: _Validator, files: dict[str, _File], counts: dict[str, int]) -> None:
        def table(name: str, rules: Callable[[Iterable[Row]], Iterator[T]]) -> _Table[T]:
            return _Table(counts[name], lambda: rules(files[name].rows(_ignore)))

        self.custom_skills = table("skills.csv", check._skills)
        self.departments = table("departments.csv", check._departments)
        self.people = table("people.csv", check._people)
        self.person_skills = table("person_skills.csv", check._person_skills)
        self.aspirations = table("aspirations.csv", check._aspirations)
        self.gigs = table("gigs.csv", check._gigs)
        self.gig_skills = table("gig_skills.csv", check._gig_skills)
        self.engagements = table("engagements.csv", check._engagements)
        self.demonstrated_skills = table("engagement_skills.csv", check._demonstrated_skills)
        self.person_ids: list[str] = check.person_ids
        departments, parents = check.department_ids, check.parents
        people, managers = check.person_ids, check.managers
        self.department_tree: _Table[Link] = _Table(
            len(departments), lambda: ({"id": d, "parent_id": parents[d]} for d in departments)
        )
        self.reporting_lines: _Table[Link] = _Table(
            len(people), lambda: ({"id": p, "manager_id": managers[p]} for p in people)
        )


def _refuse(issue: Issue) -> None:
    raise ImportInvalid([issue])


def _iter_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for name in FILES:
        if (folder / name).is_file():
            yield name, folder / name


def validate_org_dir(folder: Path, state: GraphState) -> tuple[ValidatedExport, list[Issue]]:
    """The export in `folder` as tables for the loader, and every problem found. Each file is
    read as a stream, more than once: its cells (a file that is not valid CSV or UTF-8 stops
    there), the facts later rows of the same file refer to, then its rules; only ids, the
    department and reporting trees and each file's keys for the duplicate check are kept."""
    if not folder.is_dir():
        raise ImportInvalid([Issue(str(folder), 0, "not a folder")])
    present = dict(_iter_files(folder))
    stray = sorted(path.name for path in folder.glob("*.csv") if path.name not in FILES)
    check = _Validator(state)
    check.issues.extend(
        Issue(name, 1, f"unknown file (an export holds: {', '.join(FILES)})") for name in stray
    )
    if not present:
        check.issues.append(Issue(str(folder), 0, f"no import files ({', '.join(FILES)})"))
    files = {name: _File(name, present.get(name), columns) for name, columns in FILES.items()}
    counts: dict[str, int] = {}
    for name, file in files.items():
        for _ in file.rows(check.report):
            pass
        with check.quiet():
            for gather in check.gatherers(name):
                gather(file.rows(_ignore))
        counts[name] = sum(1 for _ in check.rules(name)(file.rows(_ignore)))
    check.issues.sort(
        key=lambda issue: (list(FILES).index(issue.file) if issue.file in FILES else -1, issue.line)
    )
    check.report = _refuse
    return ValidatedExport(check, files, counts), check.issues


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pauses the cyclic garbage collector while millions of long-lived rows are built, which it
    would otherwise rescan again and again (a third of the time); rows hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validate_quietly(folder: Path, state: GraphState) -> tuple[ValidatedExport, list[Issue]]:
    with gc_paused():
        return validate_org_dir(folder, state)


async def read_org_dir(db: Database, folder: Path) -> ValidatedExport:
    """The validated export in `folder`; `ImportInvalid` with every problem otherwise. Its tables
    read the files again when iterated, so the folder must stay until the export is loaded."""
    state = await GraphState.read(db)
    # CPU-bound for seconds on a large export: in a thread, so the API's event loop keeps serving
    export, issues = await asyncio.to_thread(_validate_quietly, folder, state)
    if issues:
        raise ImportInvalid(issues)
    return export


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "|".join(str(part) for part in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _whole_rows(
    row_type: type[DataclassInstance], rows: Iterable[object]
) -> tuple[list[str], Iterable[Iterable[object]]]:
    """A table whose columns are every field of the row dataclass, in declaration order."""
    names = [f.name for f in fields(row_type)]
    return names, ((getattr(row, name) for name in names) for row in rows)


def write_org_dir(org: OrgData, folder: Path) -> list[Path]:
    """Writes `org` as an HRIS export (every file of `FILES` it has rows for); skills by id."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, tuple[list[str], Iterable[Iterable[object]]]] = {
        "skills.csv": (
            ["id", "label", "aliases", "broader"],
            ((s.id, s.label, s.aliases, s.broader_id) for s in org.custom_skills),
        ),
        "departments.csv": (
            ["id", "name", "parent_id"],
            ((d.id, d.name, d.parent_id) for d in org.departments),
        ),
        "people.csv": _whole_rows(PersonRow, org.people),
        "person_skills.csv": (
            ["person_id", "skill", "proficiency", "validated"],
            ((s.person_id, s.skill_id, s.proficiency, s.validated) for s in org.person_skills),
        ),
        "aspirations.csv": (
            ["person_id", "skill", "interest", "visibility"],
            ((a.person_id, a.skill_id, a.interest, a.visibility) for a in org.aspirations),
        ),
        "gigs.csv": _whole_rows(GigRow, org.gigs),
        "gig_skills.csv": (
            ["gig_id", "skill", "min_proficiency", "importance"],
            ((s.gig_id, s.skill_id, s.min_proficiency, s.importance) for s in org.gig_skills),
        ),
        "engagements.csv": _whole_rows(EngagementRow, org.engagements),
        "engagement_skills.csv": (
            ["engagement_id", "skill", "level"],
            ((d.engagement_id, d.skill_id, d.level) for d in org.demonstrated_skills),
        ),
    }
    written = []
    for name, (header, rows) in tables.items():
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows([_cell(value) for value in row] for row in rows)
        written.append(path)
    return written
