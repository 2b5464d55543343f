"""Pulse surveys through HTTP: due, answered once, edited by admins, and anonymous to everyone,
HR and admins included (the organisation and answers of `tests/support/surveys.py`)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from graph.database import Database
from tests.support.api import graphql, mutate
from tests.support.surveys import build_answers, build_org
from tests.support.workflow import act, drive, workflow_org

DUE = "{ dueSurveys { subject period survey { id questions { id kind } } } }"
ANSWER = """
mutation($input: AnswerSurveyInput!) {
  answerSurvey(input: $input) {
    result { __typename ... on DueSurvey { subject } ... on UserError { message }
             ... on ValidationError { field } }
  }
}
"""
OPEN = "mutation { openSurveyRounds { result { __typename ... on OpenedRounds { rounds { surveyId invited } } ... on UserError { message } } } }"  # noqa: E501
PULSES = """
query($period: PeriodInput!, $department: ID) {
  analytics(period: $period, departmentId: $department) {
    __typename
    ... on Analytics {
      engagement { period total { respondents score } groups {
        departmentId departmentName includes { id } respondents invited responseRate score
        previousScore trend enps comments questions { questionId answers mean enps } } }
      managerSentiment { period total { respondents } groups { departmentId respondents } }
    }
  }
}
"""
Q4 = {"from": "2026-10-01", "to": "2026-12-31"}


async def due(client: httpx.AsyncClient, who: str) -> list[dict[str, Any]]:
    body = await graphql(client, DUE, who)
    assert "errors" not in body, body
    result: list[dict[str, Any]] = body["data"]["dueSurveys"]
    return result


async def answer_due(client: httpx.AsyncClient, who: str, due: dict[str, Any], value: int) -> Any:
    answers = [
        {"questionId": q["id"], "value": value}
        for q in due["survey"]["questions"]
        if q["kind"] != "COMMENT"
    ]
    survey = {"surveyId": due["survey"]["id"], "subject": due["subject"], "answers": answers}
    return await mutate(client, ANSWER, who, input=survey | {"comment": "fine"})


async def test_a_quarterly_pulse_is_due_once_opened_and_answered_once(
    db: Database, client: httpx.AsyncClient
) -> None:
    await build_org().load(db)
    assert await due(client, "E1") == []
    refused = await mutate(client, OPEN, "E1")
    assert refused["__typename"] == "Forbidden"
    opened = await mutate(client, OPEN, "H1", "hr")
    assert {r["surveyId"]: r["invited"] for r in opened["rounds"]} == {
        "growth-pulse": 16,
        "manager-pulse": 2,
    }
    (pulse,) = await due(client, "E1")
    assert pulse["survey"]["id"] == "growth-pulse"
    first = await answer_due(client, "E1", pulse, 4)
    assert first == {"__typename": "DueSurvey", "subject": pulse["subject"]}
    assert await due(client, "E1") == []
    again = await answer_due(client, "E1", pulse, 1)
    assert again["__typename"] == "Conflict"
    assert "already" in again["message"]
    wrong = await mutate(client, ANSWER, "E2", input={
        "surveyId": "growth-pulse", "subject": pulse["subject"],
        "answers": [{"questionId": "growth-pulse-grows", "value": 9}]})  # fmt: skip
    assert wrong["__typename"] == "ValidationError"
    notices = await graphql(client, "{ notifications { kind message } }", "E1")
    assert [n["kind"] for n in notices["data"]["notifications"]] == ["survey_due"]


async def test_no_one_sees_a_small_group_or_an_answer_with_its_author_hr_and_admin_included(
    db: Database, client: httpx.AsyncClient
) -> None:
    await build_org().load(db)
    await build_answers(db)
    seen: list[str] = []
    for roles in (("hr",), ("admin",)):
        for department in (None, "ORG", "ENG", "DATA", "SALES"):
            body = await graphql(
                client, PULSES, "H1", *roles, variables={"period": Q4, "department": department}
            )
            assert "errors" not in body, body
            seen.append(json.dumps(body))
            analytics = body["data"]["analytics"]
            for metric in ("engagement", "managerSentiment"):
                for quarter in analytics[metric]:
                    for group in quarter["groups"]:
                        assert group["respondents"] >= 5
                        assert group["departmentId"] not in {"DATA", "SALES"}
        for query in (DUE, "{ surveys { id questions { id text } } }"):
            seen.append(json.dumps(await graphql(client, query, "H1", *roles)))
    everything = "\n".join(seen)
    assert "sales secret" not in everything  # S1's comment: SALES has 3 respondents
    assert '"S1"' not in everything
    assert '"D1"' not in everything
    whole = json.loads(seen[0])["data"]["analytics"]["engagement"][0]
    (eng,) = whole["groups"]
    assert eng["departmentId"] == "ENG"
    assert eng["includes"] == [{"id": "DATA"}]
    assert eng["respondents"] == 9
    assert eng["comments"] == ["data says hi"]  # shown with a group of 9, never with D1


TOTALS = """
query($period: PeriodInput!) {
  analytics(period: $period) {
    ... on Analytics {
      engagement { period total { respondents score } }
      managerSentiment { period total { respondents } }
    }
  }
}
"""


async def test_totals_asked_alone_are_the_totals_shown_with_the_groups(
    db: Database, client: httpx.AsyncClient
) -> None:
    await build_org().load(db)
    await build_answers(db)
    full = await graphql(client, PULSES, "H1", "hr", variables={"period": Q4, "department": None})
    alone = await graphql(client, TOTALS, "H1", "hr", variables={"period": Q4})
    assert "errors" not in alone, alone
    for metric in ("engagement", "managerSentiment"):
        expected = [(q["period"], q["total"]) for q in full["data"]["analytics"][metric]]
        assert [(q["period"], q["total"]) for q in alone["data"]["analytics"][metric]] == expected
    (quarter,) = alone["data"]["analytics"]["engagement"]
    assert quarter["total"]["respondents"] == 9  # ENG's group; SALES's 3 are under the floor


async def test_admins_edit_questions_and_nobody_else_does(
    db: Database, client: httpx.AsyncClient
) -> None:
    await build_org().load(db)
    edit = """
    mutation($input: UpdateSurveyInput!) { updateSurvey(input: $input) { result { __typename
      ... on Survey { windowDays questions { id text kind } } ... on UserError { message }
      ... on ValidationError { field } } } }
    """
    change = {
        "id": "growth-pulse", "title": "Growth", "active": True, "windowDays": 14,
        "questions": [
            {"id": "growth-pulse-grows", "text": "My work here grows me.", "kind": "SCALE"},
            {"text": "I know where to find a gig.", "kind": "SCALE"},
        ],
    }  # fmt: skip
    refused = await mutate(client, edit, "H1", "hr", input=change)
    assert refused["__typename"] == "Forbidden"
    edited = await mutate(client, edit, "H1", "admin", input=change)
    assert edited["__typename"] == "Survey"
    assert edited["windowDays"] == 14
    assert [q["text"] for q in edited["questions"]] == [
        "My work here grows me.",
        "I know where to find a gig.",
    ]
    kind = await mutate(client, edit, "H1", "admin", input=change | {"questions": [
        {"id": "growth-pulse-grows", "text": "x", "kind": "NPS"}]})  # fmt: skip
    assert kind["__typename"] == "ValidationError"
    await mutate(client, OPEN, "H1", "hr")
    (pulse,) = await due(client, "E1")
    assert [q["kind"] for q in pulse["survey"]["questions"]] == ["SCALE", "SCALE"]
    answers = [{"questionId": q["id"], "value": 4} for q in pulse["survey"]["questions"]]
    answered = await mutate(client, ANSWER, "E1", input={
        "surveyId": "growth-pulse", "subject": pulse["subject"], "answers": answers})  # fmt: skip
    assert answered["__typename"] == "DueSurvey"


COMPLETE = """mutation($input: CompleteEngagementInput!) { completeEngagement(input: $input) {
  result { __typename } } }"""


async def test_a_completed_gig_makes_its_surveys_due_to_the_helper_and_the_owner(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    accepted = await act(client, "SOLO", "accept_offer", await drive(db, "SOLO", "G1", "offered"))
    engagement = accepted["engagement"]["id"]
    assert await due(client, "SOLO") == []
    completion = {"engagementId": engagement, "hoursWorked": 20, "rating": 5, "feedback": "great"}
    done = await mutate(client, COMPLETE, "OWNER", input=completion)
    assert done == {"__typename": "Engagement"}
    (helper,) = await due(client, "SOLO")
    assert (helper["survey"]["id"], helper["subject"]) == ("gig-helper", engagement)
    (owner,) = await due(client, "OWNER")
    assert (owner["survey"]["id"], owner["subject"]) == ("gig-owner", "G1")
    for who in ("SOLO", "OWNER"):
        notices = await graphql(client, "{ notifications { kind } }", who)
        assert "survey_due" in [n["kind"] for n in notices["data"]["notifications"]]
    answered = await answer_due(client, "SOLO", helper, 5)
    assert answered["__typename"] == "DueSurvey"
    assert await due(client, "SOLO") == []
    rows = await db.read("analytics/pulse_groups", measures="gig_experience",
                         periods=[helper["period"]])  # fmt: skip
    ops = {row["department_id"]: (row["invited"], row["respondents"]) for row in rows}
    assert ops == {"OPS": (1, 1), "GIG": (1, 0)}
