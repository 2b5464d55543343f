"""Pulse surveys: definitions as data, what is due to whom, answering once, quarterly rounds.

A survey (`Survey`, its `Question`s through `ASKS`) is due to the helper of an engagement
completed within its window (`after_gig`, audience `helpers`), to the owner of a gig completed
within it (`owners`), or, while the quarter's round is open, to everyone or to managers
(`quarterly`). An answer is stored apart from identity (`cypher/surveys/record_answer.cypher`):
the `SurveyAnswered` marker that stops a second answer is a keyed hash of (person, survey,
subject) that only the service can compute, with no relationship and no time, and the answer
itself only adds to its quarter's and department's counters, whose tally (answers, sums,
promoters and detractors per question) the same transaction computes again. Nothing joins the
two.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import uuid4

from graph.database import Database, Row, Transaction
from graph.errors import Conflict, ConstraintViolation, NotFound, ValidationFailed
from graph.vocabulary import (
    NotificationKind,
    QuestionKind,
    SurveyAudience,
    SurveyMeasure,
    SurveySchedule,
)
from resolvers.identity import Viewer
from resolvers.permissions import require_admin, require_round_opener
from resolvers.validation import check_text

VALUE_RANGES: dict[QuestionKind, range] = {
    QuestionKind.SCALE: range(1, 6),
    QuestionKind.NPS: range(0, 11),
}
MAX_COMMENT = 1000
MAX_QUESTIONS = 8
MAX_WINDOW_DAYS = 92
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class QuestionDef:
    id: str
    text: str
    kind: QuestionKind
    active: bool

    @classmethod
    def from_row(cls, row: Row) -> QuestionDef:
        return cls(row["id"], row["text"], QuestionKind(row["kind"]), row["active"])


@dataclass(frozen=True)
class SurveyDef:
    id: str
    title: str
    schedule: SurveySchedule
    audience: SurveyAudience
    measures: SurveyMeasure
    window_days: int
    active: bool
    questions: tuple[QuestionDef, ...]

    @classmethod
    def from_row(cls, row: Row) -> SurveyDef:
        return cls(
            id=row["id"],
            title=row["title"],
            schedule=SurveySchedule(row["schedule"]),
            audience=SurveyAudience(row["audience"]),
            measures=SurveyMeasure(row["measures"]),
            window_days=row["window_days"],
            active=row["active"],
            questions=tuple(QuestionDef.from_row(q) for q in row["questions"]),
        )


@dataclass(frozen=True)
class DueSurvey:
    """A survey instance the viewer may answer now: the survey, what it is about (`subject`: the
    quarter, the engagement or the gig) and until when."""

    survey: SurveyDef
    subject: str
    period: str
    closes_at: datetime
    gig_id: str | None
    gig_title: str | None
    engagement_id: str | None


@dataclass(frozen=True)
class Answer:
    question_id: str
    value: int


@dataclass(frozen=True)
class SurveyAnswer:
    survey_id: str
    subject: str
    answers: tuple[Answer, ...]
    comment: str | None = None


@dataclass(frozen=True)
class OpenedRound:
    survey_id: str
    period: str
    invited: int


@dataclass(frozen=True)
class QuestionEdit:
    id: str | None
    text: str
    kind: QuestionKind


@dataclass(frozen=True)
class SurveyEdit:
    id: str
    title: str
    active: bool
    window_days: int
    questions: tuple[QuestionEdit, ...]


def quarter_of(moment: datetime | date) -> str:
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def quarter_start(period: str) -> date:
    match = _QUARTER.fullmatch(period)
    if not match:
        raise ValidationFailed("quarter", f"{period!r} is not a quarter such as 2026-Q4")
    return date(int(match.group(1)), 3 * int(match.group(2)) - 2, 1)


def quarter_days(period: str) -> tuple[date, date]:
    """The first and the last day of a quarter such as 2026-Q4."""
    first = quarter_start(period)
    following = (
        date(first.year + 1, 1, 1) if first.month == 10 else date(first.year, first.month + 3, 1)
    )
    return first, following - timedelta(days=1)


def quarters_between(first: date, last: date) -> list[str]:
    """The quarters that overlap the days `first`..`last`, in order."""
    periods, year, quarter = [], first.year, (first.month - 1) // 3 + 1
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        periods.append(f"{year}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return periods


def answered_key(secret: str, person_id: str, survey_id: str, subject: str) -> str:
    """The marker of an answered instance: an HMAC of who and what, under the service's secret,
    so the marker can be checked for the viewer but never traced back to anyone."""
    message = "\x1f".join(("survey-answered", person_id, survey_id, subject)).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


async def surveys(
    db: Database, ids: Sequence[str] | None = None, retired: bool = False
) -> list[SurveyDef]:
    rows = await db.read(
        "surveys/surveys", ids=list(ids) if ids is not None else None, include_retired=retired
    )
    return [SurveyDef.from_row(row["survey"]) for row in rows]


async def _candidates(
    run: Any, person_id: str, secret: str, now: datetime
) -> list[tuple[DueSurvey, str]]:
    """Due instances and their markers, answered or not; `run` is `db.read` or `tx.run`."""
    rows = await run("surveys/due_candidates", person_id=person_id, now=now)
    if not rows:
        return []
    definitions = {
        row["survey"]["id"]: SurveyDef.from_row(row["survey"])
        for row in await run(
            "surveys/surveys", ids=[r["survey_id"] for r in rows], include_retired=False
        )
    }
    return [
        (
            DueSurvey(
                survey=definitions[row["survey_id"]],
                subject=row["subject"],
                period=row["period"],
                closes_at=row["closes_at"].to_native(),
                gig_id=row["gig"]["id"] if row["gig"] else None,
                gig_title=row["gig"]["title"] if row["gig"] else None,
                engagement_id=row["engagement_id"],
            ),
            answered_key(secret, person_id, row["survey_id"], row["subject"]),
        )
        for row in rows
    ]


async def _unanswered(
    run: Any, candidates: list[tuple[DueSurvey, str]]
) -> list[tuple[DueSurvey, str]]:
    if not candidates:
        return []
    rows = await run("surveys/answered_keys", keys=[key for _, key in candidates])
    answered = set(rows[0]["answered"])
    return [(due, key) for due, key in candidates if key not in answered]


async def due_surveys(db: Database, viewer: Viewer, secret: str, now: datetime) -> list[DueSurvey]:
    """What the viewer may answer now, soonest closing first."""
    candidates = await _candidates(db.read, viewer.person_id, secret, now)
    return [due for due, _ in await _unanswered(db.read, candidates)]


def check_answers(survey: SurveyDef, answer: SurveyAnswer) -> None:
    """Every scale and nps question answered once, within its range; a comment only where the
    survey asks for one, and not too long."""
    questions = {q.id: q for q in survey.questions}
    given = [a.question_id for a in answer.answers]
    for index, item in enumerate(answer.answers):
        question = questions.get(item.question_id)
        if question is None or question.kind == QuestionKind.COMMENT:
            raise ValidationFailed(
                f"answers[{index}].questionId",
                f"{item.question_id!r} is not a question to rate here",
            )
        allowed = VALUE_RANGES[question.kind]
        if item.value not in allowed:
            raise ValidationFailed(
                f"answers[{index}].value", f"must be between {allowed.start} and {allowed.stop - 1}"
            )
    if len(set(given)) != len(given):
        raise ValidationFailed("answers", "answer each question once")
    missing = [
        q.id for q in survey.questions if q.kind != QuestionKind.COMMENT and q.id not in given
    ]
    if missing:
        raise ValidationFailed("answers", f"unanswered: {', '.join(missing)}")
    if answer.comment is not None:
        if not any(q.kind == QuestionKind.COMMENT for q in survey.questions):
            raise ValidationFailed("comment", "this survey asks for no comment")
        check_text("comment", answer.comment, required=False, longest=MAX_COMMENT)


async def answer_survey(
    db: Database, viewer: Viewer, secret: str, answer: SurveyAnswer, now: datetime
) -> DueSurvey:
    """Records the viewer's answer to a survey due to them, once: a second answer is a Conflict
    and changes nothing. Returns the instance answered."""
    comment = (answer.comment or "").strip() or None

    async def work(tx: Transaction) -> DueSurvey:
        candidates = await _candidates(tx.run, viewer.person_id, secret, now)
        matching = [
            (due, key)
            for due, key in candidates
            if (due.survey.id, due.subject) == (answer.survey_id, answer.subject)
        ]
        if not matching:
            raise NotFound("DueSurvey", f"{answer.survey_id}/{answer.subject}")
        due, key = matching[0]
        if not await _unanswered(tx.run, matching):
            raise Conflict("you have answered this survey already")
        check_answers(
            due.survey, SurveyAnswer(answer.survey_id, answer.subject, answer.answers, comment)
        )
        department = (await tx.run("surveys/respondent_department", person_id=viewer.person_id))[0]
        (recorded,) = await tx.run(
            "surveys/record_answer",
            key=key,
            survey_id=due.survey.id,
            period=due.period,
            department_id=department["department_id"] or "unassigned",
            comment=comment,
            answers=[{"question_id": a.question_id, "value": a.value} for a in answer.answers],
        )
        await tx.run("surveys/refresh_tallies", rows=[{"key": recorded["key"]}])
        return due

    try:
        return await db.in_write_transaction(work)
    except ConstraintViolation:
        raise Conflict("you have answered this survey already") from None


async def open_rounds(db: Database, viewer: Viewer | None, now: datetime) -> list[OpenedRound]:
    """Opens the current quarter's round of every quarterly survey not open yet and tells each
    person invited (idempotent: a second call in the quarter opens nothing). `viewer` None is the
    system (`talentgraph surveys open-rounds`, from cron)."""
    if viewer is not None:
        require_round_opener(viewer)
    period = quarter_of(now)

    async def work(tx: Transaction) -> list[OpenedRound]:
        rows = await tx.run("surveys/open_rounds", period=period, now=now)
        notices = [
            {
                "person_id": person_id,
                "kind": NotificationKind.SURVEY_DUE,
                "message": f"{row['title']}: a short survey for {period}, open until "
                f"{row['closes_at'].to_native():%d %b %Y}",
                "gig_id": None,
                "application_id": None,
                "engagement_id": None,
            }
            for row in rows
            for person_id in row["person_ids"]
        ]
        if notices:
            await tx.run("workflow/notify", notifications=notices, now=now)
        return [OpenedRound(row["survey_id"], period, len(row["person_ids"])) for row in rows]

    return await db.in_write_transaction(work)


async def invite_after_completion(
    tx: Transaction, engagement_id: str, gig_completed: bool, now: datetime
) -> None:
    """Within the completing transaction: the helper survey becomes due to the helper and, with
    the gig's completion, the owner survey to the owner; each is told."""
    rows = await tx.run(
        "surveys/invite_after_gig",
        engagement_id=engagement_id,
        gig_completed=gig_completed,
        now=now,
    )
    notices = [
        {
            "person_id": row["person_id"],
            "kind": NotificationKind.SURVEY_DUE,
            "message": f"{row['title']} {row['gig_title']}: two minutes, anonymous",
            "gig_id": row["gig_id"],
            "application_id": None,
            "engagement_id": row["engagement_id"],
        }
        for row in rows
    ]
    if notices:
        await tx.run("workflow/notify", notifications=notices, now=now)


async def update_survey(db: Database, viewer: Viewer, edit: SurveyEdit) -> SurveyDef:
    """An admin edits a survey's title, activity, window and questions; questions left out are
    retired (their answers stay), a question keeps its kind (a new kind needs a new question)."""
    require_admin(viewer, "edit surveys")
    check_text("title", edit.title, required=True)
    if not 1 <= edit.window_days <= MAX_WINDOW_DAYS:
        raise ValidationFailed("windowDays", f"must be between 1 and {MAX_WINDOW_DAYS}")
    if not 1 <= len(edit.questions) <= MAX_QUESTIONS:
        raise ValidationFailed("questions", f"a survey asks 1 to {MAX_QUESTIONS} questions")
    if sum(q.kind == QuestionKind.COMMENT for q in edit.questions) > 1:
        raise ValidationFailed("questions", "a survey asks for one comment at most")
    if all(q.kind == QuestionKind.COMMENT for q in edit.questions):
        raise ValidationFailed("questions", "a survey needs a question to rate")
    for index, question in enumerate(edit.questions):
        check_text(f"questions[{index}].text", question.text, required=True)
    found = await surveys(db, [edit.id], retired=True)
    if not found:
        raise NotFound("Survey", edit.id)
    existing = {q.id: q for q in found[0].questions}
    ids = [q.id for q in edit.questions if q.id is not None]
    if len(set(ids)) != len(ids):
        raise ValidationFailed("questions", "name each question once")
    for index, question in enumerate(edit.questions):
        if question.id is None:
            continue
        if question.id not in existing:
            raise NotFound("SurveyQuestion", question.id)
        if existing[question.id].kind != question.kind:
            raise ValidationFailed(
                f"questions[{index}].kind", "a question keeps its kind: add a new question instead"
            )
    await db.write(
        "surveys/update_survey",
        id=edit.id,
        title=edit.title.strip(),
        active=edit.active,
        window_days=edit.window_days,
        questions=[
            {"id": q.id or f"{edit.id}-{uuid4().hex[:8]}", "text": q.text.strip(), "kind": q.kind}
            for q in edit.questions
        ],
    )
    return (await surveys(db, [edit.id]))[0]
