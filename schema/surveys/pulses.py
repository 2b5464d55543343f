"""GraphQL types and fields of pulse surveys: what is due to the viewer, answering once, the
admins' edit of questions and windows, HR opening a quarter's rounds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.surveys import pulses
from schema.payloads import Payload, payload, payload_type
from schema.vocabulary import QuestionKind, SurveyAudience, SurveyMeasure, SurveySchedule


@strawberry.type
class SurveyQuestion:
    id: strawberry.ID
    text: str
    kind: QuestionKind
    active: bool

    @classmethod
    def from_value(cls, question: pulses.QuestionDef) -> Self:
        return cls(
            id=strawberry.ID(question.id),
            text=question.text,
            kind=question.kind,
            active=question.active,
        )


@strawberry.type(description="A short pulse survey: its questions and when it is due to whom.")
class Survey:
    id: strawberry.ID
    title: str
    schedule: SurveySchedule
    audience: SurveyAudience
    measures: SurveyMeasure
    window_days: int = strawberry.field(description="How long an instance stays open.")
    active: bool
    questions: list[SurveyQuestion]

    @classmethod
    def from_value(cls, survey: pulses.SurveyDef) -> Self:
        return cls(
            id=strawberry.ID(survey.id),
            title=survey.title,
            schedule=survey.schedule,
            audience=survey.audience,
            measures=survey.measures,
            window_days=survey.window_days,
            active=survey.active,
            questions=[SurveyQuestion.from_value(q) for q in survey.questions],
        )


@strawberry.type(name="DueSurvey", description="A survey the viewer may answer now, once.")
class DueSurveyType:
    survey: Survey
    subject: str = strawberry.field(
        description="What it is about: the quarter (2026-Q4), the engagement or the gig id."
    )
    period: str = strawberry.field(description="The quarter its answers are counted in.")
    closes_at: datetime
    gig_id: strawberry.ID | None
    gig_title: str | None
    engagement_id: strawberry.ID | None

    @classmethod
    def from_value(cls, due: pulses.DueSurvey) -> Self:
        return cls(
            survey=Survey.from_value(due.survey),
            subject=due.subject,
            period=due.period,
            closes_at=due.closes_at,
            gig_id=strawberry.ID(due.gig_id) if due.gig_id else None,
            gig_title=due.gig_title,
            engagement_id=strawberry.ID(due.engagement_id) if due.engagement_id else None,
        )


@strawberry.type(
    name="OpenedRound",
    description="Rounds opened for the quarter, with how many people were invited.",
)
class OpenedRoundType:
    survey_id: strawberry.ID
    period: str
    invited: int


@strawberry.type
class OpenedRounds:
    rounds: list[OpenedRoundType]


@strawberry.input
class AnswerInput:
    question_id: strawberry.ID
    value: int


@strawberry.input(description="Every question to rate answered once; the comment is optional.")
class AnswerSurveyInput:
    survey_id: strawberry.ID
    subject: str
    answers: list[AnswerInput]
    comment: str | None = None

    def to_value(self) -> pulses.SurveyAnswer:
        return pulses.SurveyAnswer(
            survey_id=str(self.survey_id),
            subject=self.subject,
            answers=tuple(pulses.Answer(str(a.question_id), a.value) for a in self.answers),
            comment=self.comment,
        )


@strawberry.input(description="A question; without an id, a new one.")
class QuestionInput:
    text: str
    kind: QuestionKind
    id: strawberry.ID | None = None


@strawberry.input(description="The whole survey as it should be; questions left out are retired.")
class UpdateSurveyInput:
    id: strawberry.ID
    title: str
    active: bool
    window_days: int
    questions: list[QuestionInput]

    def to_value(self) -> pulses.SurveyEdit:
        return pulses.SurveyEdit(
            id=str(self.id),
            title=self.title,
            active=self.active,
            window_days=self.window_days,
            questions=tuple(
                pulses.QuestionEdit(str(q.id) if q.id else None, q.text, q.kind)
                for q in self.questions
            ),
        )


AnswerSurveyPayload = payload_type(
    DueSurveyType, "AnswerSurvey", "The survey answered, or why nothing was recorded."
)
UpdateSurveyPayload = payload_type(Survey, "UpdateSurvey", "The survey after the edit.")


@strawberry.input
class OpenSurveyRoundsInput:
    now: datetime | None = strawberry.field(
        default=None, description="The moment the rounds open as of (replays, tests); default: now."
    )


OpenSurveyRoundsPayload = payload_type(OpenedRounds, "OpenSurveyRounds", "The rounds opened.")


def now_utc() -> datetime:
    return datetime.now(UTC)


@strawberry.type
class PulsesQuery:
    @strawberry.field(description="The surveys the viewer may answer now, soonest closing first.")
    async def due_surveys(self, info: Info) -> list[DueSurveyType]:
        ctx = info.context
        due = await pulses.due_surveys(
            ctx.db, ctx.viewer, ctx.settings.secret.get_secret_value(), now_utc()
        )
        return [DueSurveyType.from_value(d) for d in due]

    @strawberry.field(description="Every survey and its current questions.")
    async def surveys(self, info: Info) -> list[Survey]:
        return [Survey.from_value(s) for s in await pulses.surveys(info.context.db)]


@strawberry.type
class PulsesMutation:
    @strawberry.mutation(
        graphql_type=AnswerSurveyPayload,
        description="Answers a survey due to the viewer. Stored apart from identity: only the "
        "counts of the quarter and department grow; a second answer is a Conflict.",
    )
    async def answer_survey(self, info: Info, input: AnswerSurveyInput) -> Payload[DueSurveyType]:
        ctx = info.context
        work = pulses.answer_survey(
            ctx.db, ctx.viewer, ctx.settings.secret.get_secret_value(), input.to_value(), now_utc()
        )
        return await payload(work, DueSurveyType.from_value)

    @strawberry.mutation(
        graphql_type=UpdateSurveyPayload,
        description="Admins: a survey's title, window, activity and questions.",
    )
    async def update_survey(self, info: Info, input: UpdateSurveyInput) -> Payload[Survey]:
        work = pulses.update_survey(info.context.db, info.context.viewer, input.to_value())
        return await payload(work, Survey.from_value)

    @strawberry.mutation(
        graphql_type=OpenSurveyRoundsPayload,
        description="HR: opens this quarter's round of each quarterly survey (once a quarter) "
        "and notifies everyone invited; `now` for replays and tests. Cron: "
        "`talentgraph surveys open-rounds`.",
    )
    async def open_survey_rounds(
        self, info: Info, input: OpenSurveyRoundsInput | None = None
    ) -> Payload[OpenedRounds]:
        now = input.now if input and input.now else now_utc()
        work = pulses.open_rounds(info.context.db, info.context.viewer, now)

        def convert(rounds: list[pulses.OpenedRound]) -> OpenedRounds:
            return OpenedRounds(
                rounds=[
                    OpenedRoundType(
                        survey_id=strawberry.ID(r.survey_id), period=r.period, invited=r.invited
                    )
                    for r in rounds
                ]
            )

        return await payload(work, convert)
