"""HRIS exports (a folder of CSV files) in and out.

`read_org_dir` reads whichever import files a folder holds, validates every row against the
files and against what the graph already holds, and returns an `OrgData` for `seed.loader`, or
raises `ImportInvalid` listing every problem as `file:line: message` (header = line 1). Nothing is
written before everything is valid. `write_org_dir` writes an `OrgData` in the same format (the
demo generator's output), skills by id.
"""

from __future__ import annotations

import asyncio
import csv
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    OrgData,
    PersonRow,
    PersonSkillRow,
)
from seed.skill_matcher import SkillIndex, SkillName

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


def _read_file(path: Path, columns: tuple[Column, ...], issues: list[Issue]) -> list[Row]:
    """The rows of one file. The CSV is parsed strictly: a stray or unclosed quote is an error
    at the line where its row begins, never a cell that swallows the lines after it."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        rows = _Rows(reader)
        try:
            return _read_rows(path.name, rows, columns, issues)
        except UnicodeDecodeError as error:
            issues.append(Issue(path.name, 0, f"not UTF-8 text ({error.reason})"))
        except csv.Error as error:
            issues.append(
                Issue(
                    path.name,
                    rows.line,
                    f"not valid CSV ({error}); is a quote unclosed or stray in this row?",
                )
            )
    return []


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
    name: str, reader: _Rows, columns: tuple[Column, ...], issues: list[Issue]
) -> list[Row]:
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
        issues.extend(Issue(name, 1, problem) for problem in problems)
        return []
    absent = [column for column in columns if column.name not in header]
    rows = []
    for cells in reader:
        if not any(cells):
            continue
        line = reader.line
        if len(cells) != len(header):
            issues.append(Issue(name, line, f"{len(cells)} cells for {len(header)} columns"))
            continue
        values: dict[str, Any] = {column.name: column.default for column in absent}
        valid = True
        for cell, column_name in zip(cells, header, strict=True):
            column = known[column_name]
            cell = cell.strip()
            if len(cell) > column.longest:
                issues.append(
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
                    issues.append(Issue(name, line, f"{column.name} is empty"))
                    valid = False
                values[column.name] = column.default
                continue
            try:
                values[column.name] = column.parse(cell)
            except ValueError as error:
                issues.append(Issue(name, line, f"{column.name}: {error}"))
                valid = False
        if valid:
            rows.append(Row(line, values))
    return rows


@dataclass
class GraphState:
    """What the graph already holds that an export may refer to."""

    department_parents: dict[str, str | None] = field(default_factory=dict)
    managers: dict[str, str | None] = field(default_factory=dict)
    gigs: set[str] = field(default_factory=set)
    engagements: set[str] = field(default_factory=set)
    skills: SkillIndex = field(default_factory=lambda: SkillIndex(()))
    custom_skills: set[str] = field(default_factory=set)

    @classmethod
    async def read(cls, db: Database) -> GraphState:
        skill_rows = await db.read("skills/skill_names")
        return cls(
            department_parents={
                department["id"]: department["parent_id"]
                for department in (await db.read("departments/department_tree"))[0]["departments"]
            },
            managers={
                row["id"]: row["manager_id"] for row in await db.read("imports/reporting_lines")
            },
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


class _Validator:
    def __init__(self, state: GraphState) -> None:
        self.state = state
        self.issues: list[Issue] = []
        self._resolved: dict[str, str | LookupError] = {}
        self._unknown = 0

    def issue(self, file: str, row: Row, message: str) -> None:
        self.issues.append(Issue(file, row.line, message))

    def unique(self, file: str, rows: list[Row], key: Callable[[Row], Any], what: str) -> list[Row]:
        first_line: dict[Any, int] = {}
        kept = []
        for row in rows:
            value = key(row)
            if value in first_line:
                self.issue(file, row, f"duplicate {what} (first on line {first_line[value]})")
            else:
                first_line[value] = row.line
                kept.append(row)
        return kept

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


def _iter_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for name in FILES:
        if (folder / name).is_file():
            yield name, folder / name


def validate_org_dir(folder: Path, state: GraphState) -> tuple[OrgData, list[Issue]]:
    """The export in `folder` as rows for the loader, and every problem found."""
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
    rows = {
        name: _read_file(present[name], columns, check.issues) if name in present else []
        for name, columns in FILES.items()
    }
    org = OrgData()

    # skills.csv: the organisation's own skills, resolvable by the files that follow
    skill_rows = check.unique("skills.csv", rows["skills.csv"], lambda r: r["id"], "skill id")
    for row in skill_rows:
        taken = state.skills.ids.get(row["id"].lower())
        if taken is not None and taken not in state.custom_skills:
            check.issue("skills.csv", row, f"id {row['id']!r} is a taxonomy skill's id")
        else:
            names = (row["label"].lower(), *(alias.lower() for alias in row["aliases"]))
            state.skills.add(SkillName(row["id"], row["label"], names))
    broader_of: dict[str, str | None] = {}
    for row in skill_rows:
        broader = check.skill("skills.csv", row, "broader") if row["broader"] else None
        if row["broader"] and broader is None:
            continue
        broader_of[row["id"]] = broader
        org.custom_skills.append(CustomSkillRow(row["id"], row["label"], row["aliases"], broader))
    for row in skill_rows:
        if row["id"] in _cycles(broader_of, [row["id"]]):
            check.issue("skills.csv", row, f"broader: skill {row['id']!r} ends up under itself")

    # departments.csv
    department_rows = check.unique(
        "departments.csv", rows["departments.csv"], lambda r: r["id"], "department id"
    )
    parents = dict(state.department_parents)
    parents.update({row["id"]: row["parent_id"] for row in department_rows})
    cyclic = _cycles(parents, [row["id"] for row in department_rows])
    for row in department_rows:
        if check.known("departments.csv", row, "parent_id", parents, "department"):
            if row["id"] in cyclic:
                check.issue(
                    "departments.csv",
                    row,
                    f"parent_id: department {row['id']!r} ends up inside itself",
                )
            org.departments.append(DepartmentRow(row["id"], row["name"], row["parent_id"]))

    # people.csv
    people_rows = check.unique("people.csv", rows["people.csv"], lambda r: r["id"], "person id")
    people_rows = check.unique("people.csv", people_rows, lambda r: r["email"].lower(), "email")
    managers = dict(state.managers)
    managers.update({row["id"]: row["manager_id"] for row in people_rows})
    cyclic = _cycles(managers, [row["id"] for row in people_rows])
    for row in people_rows:
        if "@" not in row["email"]:
            check.issue("people.csv", row, f"email: {row['email']!r} is not an email address")
        in_department = check.known("people.csv", row, "department_id", parents, "department")
        has_manager = check.known("people.csv", row, "manager_id", managers, "manager")
        if row["manager_id"] == row["id"] or row["id"] in cyclic:
            check.issue(
                "people.csv", row, f"manager_id: {row['id']!r} ends up reporting to themselves"
            )
        elif in_department and has_manager:
            org.people.append(PersonRow(**{f.name: row[f.name] for f in fields(PersonRow)}))

    # person_skills.csv and aspirations.csv
    for row in check.unique(
        "person_skills.csv",
        rows["person_skills.csv"],
        lambda r: (r["person_id"], r["skill"].lower()),
        "person and skill",
    ):
        skill_id = check.skill("person_skills.csv", row)
        if check.known("person_skills.csv", row, "person_id", managers, "person") and skill_id:
            org.person_skills.append(
                PersonSkillRow(row["person_id"], skill_id, row["proficiency"], row["validated"])
            )
    for row in check.unique(
        "aspirations.csv",
        rows["aspirations.csv"],
        lambda r: (r["person_id"], r["skill"].lower()),
        "person and skill",
    ):
        skill_id = check.skill("aspirations.csv", row)
        if check.known("aspirations.csv", row, "person_id", managers, "person") and skill_id:
            org.aspirations.append(
                AspirationRow(row["person_id"], skill_id, row["interest"], row["visibility"])
            )

    # gigs.csv and gig_skills.csv
    gig_rows = check.unique("gigs.csv", rows["gigs.csv"], lambda r: r["id"], "gig id")
    gigs = state.gigs | {row["id"] for row in gig_rows}
    for row in gig_rows:
        owner = check.known("gigs.csv", row, "owner_id", managers, "person")
        department = check.known("gigs.csv", row, "department_id", parents, "department")
        if owner and department:
            org.gigs.append(GigRow(**{f.name: row[f.name] for f in fields(GigRow)}))
    for row in check.unique(
        "gig_skills.csv",
        rows["gig_skills.csv"],
        lambda r: (r["gig_id"], r["skill"].lower()),
        "gig and skill",
    ):
        skill_id = check.skill("gig_skills.csv", row)
        if check.known("gig_skills.csv", row, "gig_id", gigs, "gig") and skill_id:
            org.gig_skills.append(
                GigSkillRow(row["gig_id"], skill_id, row["min_proficiency"], row["importance"])
            )

    # engagements.csv and engagement_skills.csv
    engagement_rows = check.unique(
        "engagements.csv", rows["engagements.csv"], lambda r: r["id"], "engagement id"
    )
    engagements = state.engagements | {row["id"] for row in engagement_rows}
    for row in engagement_rows:
        gig = check.known("engagements.csv", row, "gig_id", gigs, "gig")
        person = check.known("engagements.csv", row, "person_id", managers, "person")
        approver = check.known("engagements.csv", row, "approver_id", managers, "person")
        if row["started_at"] and row["completed_at"] and row["completed_at"] < row["started_at"]:
            check.issue("engagements.csv", row, "completed_at is before started_at")
        elif gig and person and approver:
            org.engagements.append(
                EngagementRow(**{f.name: row[f.name] for f in fields(EngagementRow)})
            )
    for row in check.unique(
        "engagement_skills.csv",
        rows["engagement_skills.csv"],
        lambda r: (r["engagement_id"], r["skill"].lower()),
        "engagement and skill",
    ):
        skill_id = check.skill("engagement_skills.csv", row)
        if (
            check.known("engagement_skills.csv", row, "engagement_id", engagements, "engagement")
            and skill_id
        ):
            org.demonstrated_skills.append(
                DemonstratedSkillRow(row["engagement_id"], skill_id, row["level"])
            )
    check.issues.sort(
        key=lambda issue: (list(FILES).index(issue.file) if issue.file in FILES else -1, issue.line)
    )
    return org, check.issues


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


def _validate_quietly(folder: Path, state: GraphState) -> tuple[OrgData, list[Issue]]:
    with gc_paused():
        return validate_org_dir(folder, state)


async def read_org_dir(db: Database, folder: Path) -> OrgData:
    """The validated export in `folder`; `ImportInvalid` with every problem otherwise."""
    state = await GraphState.read(db)
    # CPU-bound for seconds on a large export: in a thread, so the API's event loop keeps serving
    org, issues = await asyncio.to_thread(_validate_quietly, folder, state)
    if issues:
        raise ImportInvalid(issues)
    return org


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
